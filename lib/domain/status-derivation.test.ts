import { describe, it, expect } from "vitest";
import type { EntryState, Status } from "../generated/prisma/enums";
import { deriveStatus, type StatusHistoryEntry } from "./status-derivation";

interface ChangeOptions {
  state?: EntryState;
  effectiveAt?: string;
  cancelsId?: string;
  createdAt?: string;
}

function change(id: string, status: Status, occurredAt: string, options: ChangeOptions = {}): StatusHistoryEntry {
  return {
    id,
    status,
    state: options.state ?? "PUBLISHED",
    occurredAt: new Date(occurredAt),
    effectiveAt: options.effectiveAt ? new Date(options.effectiveAt) : null,
    cancelsId: options.cancelsId ?? null,
    createdAt: new Date(options.createdAt ?? occurredAt),
  };
}

const at = (instant: string) => new Date(instant);

describe("deriveStatus basics", () => {
  it("knows nothing from an empty history", () => {
    expect(deriveStatus([], at("2020-01-01T00:00:00Z"))).toEqual({ current: null, pending: [], cancelled: [] });
  });

  it("takes the latest change by effective time, whatever the input order", () => {
    const history = [
      change("b", "SUSPENDED", "2020-03-01T00:00:00Z"),
      change("a", "IN_FORCE", "2020-01-01T00:00:00Z"),
    ];
    const expected = { changeId: "b", status: "SUSPENDED", since: at("2020-03-01T00:00:00Z"), sinceChangeId: "b" };
    expect(deriveStatus(history, at("2021-01-01T00:00:00Z")).current).toEqual(expected);
    expect(deriveStatus([...history].reverse(), at("2021-01-01T00:00:00Z")).current).toEqual(expected);
  });

  it("has no status before the first change", () => {
    const history = [change("a", "IN_FORCE", "2020-01-01T00:00:00Z")];
    expect(deriveStatus(history, at("2019-12-31T23:59:59Z")).current).toBeNull();
  });

  it("ignores drafts, however late", () => {
    const history = [
      change("a", "IN_FORCE", "2020-01-01T00:00:00Z"),
      change("draft", "TERMINATED", "2020-06-01T00:00:00Z", { state: "DRAFT" }),
      change("scheduled-draft", "SUSPENDED", "2020-06-01T00:00:00Z", { state: "DRAFT", effectiveAt: "2030-01-01T00:00:00Z" }),
    ];
    expect(deriveStatus(history, at("2021-01-01T00:00:00Z"))).toEqual({
      current: { changeId: "a", status: "IN_FORCE", since: at("2020-01-01T00:00:00Z"), sinceChangeId: "a" },
      pending: [],
      cancelled: [],
    });
  });

  it("falls back to the previous change when the latest is retracted", () => {
    const history = [
      change("a", "IN_FORCE", "2020-01-01T00:00:00Z"),
      change("b", "SUSPENDED", "2020-03-01T00:00:00Z"),
      change("c", "TERMINATED", "2020-06-01T00:00:00Z", { state: "RETRACTED" }),
    ];
    expect(deriveStatus(history, at("2021-01-01T00:00:00Z")).current?.changeId).toBe("b");
  });

  it("counts a retroactive change from its effective time", () => {
    const history = [
      change("a", "IN_FORCE", "2020-01-01T00:00:00Z"),
      change("b", "SUSPENDED", "2020-02-01T00:00:00Z", { effectiveAt: "2020-01-10T00:00:00Z" }),
    ];
    expect(deriveStatus(history, at("2020-01-15T00:00:00Z")).current).toEqual({
      changeId: "b",
      status: "SUSPENDED",
      since: at("2020-01-10T00:00:00Z"), sinceChangeId: "b",
    });
  });
});

describe("deriveStatus with scheduled changes", () => {
  const history = [
    change("a", "IN_FORCE", "2020-01-01T00:00:00Z"),
    change("later", "LIFTED", "2020-02-01T00:00:00Z", { effectiveAt: "2020-09-01T00:00:00Z" }),
    change("sooner", "EASED", "2020-03-01T00:00:00Z", { effectiveAt: "2020-06-01T00:00:00Z" }),
  ];

  it("lists a future effectiveAt as pending, soonest first, and keeps the current status", () => {
    expect(deriveStatus(history, at("2020-04-01T00:00:00Z"))).toEqual({
      current: { changeId: "a", status: "IN_FORCE", since: at("2020-01-01T00:00:00Z"), sinceChangeId: "a" },
      pending: [
        { changeId: "sooner", status: "EASED", effectiveAt: at("2020-06-01T00:00:00Z") },
        { changeId: "later", status: "LIFTED", effectiveAt: at("2020-09-01T00:00:00Z") },
      ],
      cancelled: [],
    });
  });

  it("makes a scheduled change current once its moment is reached", () => {
    const reached = deriveStatus(history, at("2020-06-01T00:00:00Z"));
    expect(reached.current).toEqual({ changeId: "sooner", status: "EASED", since: at("2020-06-01T00:00:00Z"), sinceChangeId: "sooner" });
    expect(reached.pending.map((entry) => entry.changeId)).toEqual(["later"]);
    const justBefore = deriveStatus(history, at("2020-05-31T23:59:59.999Z"));
    expect(justBefore.current?.changeId).toBe("a");
    expect(deriveStatus(history, at("2021-01-01T00:00:00Z"))).toEqual({
      current: { changeId: "later", status: "LIFTED", since: at("2020-09-01T00:00:00Z"), sinceChangeId: "later" },
      pending: [],
      cancelled: [],
    });
  });

  it("does not schedule what had not yet been decided", () => {
    expect(deriveStatus(history, at("2020-01-15T00:00:00Z")).pending).toEqual([]);
    expect(deriveStatus(history, at("2020-02-15T00:00:00Z")).pending.map((entry) => entry.changeId)).toEqual(["later"]);
  });
});

describe("deriveStatus with cancellations", () => {
  const inForce = change("a", "IN_FORCE", "2020-01-01T00:00:00Z");
  const termination = change("t", "TERMINATED", "2020-02-01T00:00:00Z", { effectiveAt: "2020-06-01T00:00:00Z" });
  const extension = change("x", "PROVISIONALLY_EXTENDED", "2020-05-01T00:00:00Z", { cancelsId: "t" });

  it("stops a scheduled change from ever taking effect", () => {
    const afterwards = deriveStatus([inForce, termination, extension], at("2020-07-01T00:00:00Z"));
    expect(afterwards).toEqual({
      current: { changeId: "x", status: "PROVISIONALLY_EXTENDED", since: at("2020-05-01T00:00:00Z"), sinceChangeId: "x" },
      pending: [],
      cancelled: [{ changeId: "t", cancelledById: "x" }],
    });
  });

  it("leaves the schedule pending until the cancelling change has happened", () => {
    const before = deriveStatus([inForce, termination, extension], at("2020-04-01T00:00:00Z"));
    expect(before.pending.map((entry) => entry.changeId)).toEqual(["t"]);
    expect(before.cancelled).toEqual([]);
  });

  it("cancels when the cancelling change takes effect at the same instant", () => {
    const sameInstant = change("x", "PROVISIONALLY_EXTENDED", "2020-05-01T00:00:00Z", {
      effectiveAt: "2020-06-01T00:00:00Z",
      cancelsId: "t",
    });
    const result = deriveStatus([inForce, termination, sameInstant], at("2020-07-01T00:00:00Z"));
    expect(result.current?.changeId).toBe("x");
    expect(result.cancelled).toEqual([{ changeId: "t", cancelledById: "x" }]);
  });

  it("is undone when the cancelling change is retracted", () => {
    const retracted = { ...extension, state: "RETRACTED" as const };
    expect(deriveStatus([inForce, termination, retracted], at("2020-05-15T00:00:00Z")).pending).toEqual([
      { changeId: "t", status: "TERMINATED", effectiveAt: at("2020-06-01T00:00:00Z") },
    ]);
    expect(deriveStatus([inForce, termination, retracted], at("2020-07-01T00:00:00Z"))).toEqual({
      current: { changeId: "t", status: "TERMINATED", since: at("2020-06-01T00:00:00Z"), sinceChangeId: "t" },
      pending: [],
      cancelled: [],
    });
  });

  it("does not cancel when the cancelling change takes effect after the scheduled one", () => {
    const tooLate = change("r", "RESTORED", "2020-08-01T00:00:00Z", { cancelsId: "t" });
    const history = [inForce, termination, tooLate];
    expect(deriveStatus(history, at("2020-07-01T00:00:00Z")).current?.changeId).toBe("t");
    expect(deriveStatus(history, at("2020-09-01T00:00:00Z"))).toEqual({
      current: { changeId: "r", status: "RESTORED", since: at("2020-08-01T00:00:00Z"), sinceChangeId: "r" },
      pending: [],
      cancelled: [],
    });
  });

  it("ignores cancellations by drafts, of unscheduled changes, of unknown ids and of itself", () => {
    const history = [
      inForce,
      termination,
      change("draft", "PROVISIONALLY_EXTENDED", "2020-05-01T00:00:00Z", { state: "DRAFT", cancelsId: "t" }),
      change("unscheduled", "SUSPENDED", "2020-03-01T00:00:00Z", { cancelsId: "a" }),
      change("ghost", "SUSPENDED", "2020-03-02T00:00:00Z", { cancelsId: "missing" }),
      change("self", "EASED", "2020-03-03T00:00:00Z", { effectiveAt: "2020-04-01T00:00:00Z", cancelsId: "self" }),
    ];
    const result = deriveStatus(history, at("2020-05-15T00:00:00Z"));
    expect(result.current?.changeId).toBe("self");
    expect(result.pending.map((entry) => entry.changeId)).toEqual(["t"]);
    expect(result.cancelled).toEqual([]);
  });

  it("names the earliest of several cancelling changes", () => {
    const second = change("y", "PROVISIONALLY_EXTENDED", "2020-05-10T00:00:00Z", { cancelsId: "t" });
    const result = deriveStatus([inForce, termination, second, extension], at("2020-07-01T00:00:00Z"));
    expect(result.cancelled).toEqual([{ changeId: "t", cancelledById: "x" }]);
    expect(result.current?.changeId).toBe("y");
  });
});

describe("deriveStatus tie-breaking", () => {
  it("prefers the later occurrence, then the later record, then the greater id", () => {
    const sameEffect = "2020-06-01T00:00:00Z";
    // Ids and later rules point away from the expected winner, so only the rule under test can pick it.
    const earlierDecision = change("q", "SUSPENDED", "2020-01-01T00:00:00Z", {
      effectiveAt: sameEffect,
      createdAt: "2020-03-01T00:00:00Z",
    });
    const laterDecision = change("p", "LIFTED", "2020-02-01T00:00:00Z", {
      effectiveAt: sameEffect,
      createdAt: "2020-02-02T00:00:00Z",
    });
    expect(deriveStatus([laterDecision, earlierDecision], at("2020-07-01T00:00:00Z")).current?.changeId).toBe("p");

    const loggedFirst = change("n", "EASED", sameEffect, { createdAt: "2020-06-02T00:00:00Z" });
    const loggedSecond = change("m", "LIFTED", sameEffect, { createdAt: "2020-06-03T00:00:00Z" });
    expect(deriveStatus([loggedSecond, loggedFirst], at("2020-07-01T00:00:00Z")).current?.changeId).toBe("m");
    expect(deriveStatus([loggedFirst, loggedSecond], at("2020-07-01T00:00:00Z")).current?.changeId).toBe("m");

    const twinA = change("twin-a", "EASED", sameEffect);
    const twinB = change("twin-b", "LIFTED", sameEffect);
    expect(deriveStatus([twinB, twinA], at("2020-07-01T00:00:00Z")).current?.changeId).toBe("twin-b");
    expect(deriveStatus([twinA, twinB], at("2020-07-01T00:00:00Z")).current?.changeId).toBe("twin-b");
  });
});

describe("deriveStatus since", () => {
  const now = at("2021-01-01T00:00:00Z");

  it("keeps the start of the run when a later change restates the status", () => {
    const history = [
      change("signed", "SIGNED", "2019-03-01T00:00:00Z"),
      change("signed-again", "SIGNED", "2019-09-01T00:00:00Z"),
    ];
    expect(deriveStatus(history, now).current).toEqual({ changeId: "signed-again", status: "SIGNED", since: at("2019-03-01T00:00:00Z"), sinceChangeId: "signed" });
  });

  it("starts a new run after another status was in effect, and runs through retracted and cancelled changes", () => {
    const history = [
      change("signed", "SIGNED", "2019-01-01T00:00:00Z"),
      change("in-force", "IN_FORCE", "2019-03-01T00:00:00Z"),
      change("suspended", "SUSPENDED", "2019-05-01T00:00:00Z"),
      change("withdrawn", "IN_FORCE", "2019-06-01T00:00:00Z", { state: "RETRACTED" }),
      change("termination", "TERMINATED", "2019-06-15T00:00:00Z", { effectiveAt: "2019-08-01T00:00:00Z" }),
      change("stay", "SUSPENDED", "2019-07-01T00:00:00Z", { cancelsId: "termination" }),
      change("suspended-again", "SUSPENDED", "2019-09-01T00:00:00Z"),
    ];
    expect(deriveStatus(history, now).current).toEqual({ changeId: "suspended-again", status: "SUSPENDED", since: at("2019-05-01T00:00:00Z"), sinceChangeId: "suspended" });
    expect(deriveStatus(history.filter((entry) => entry.id !== "stay"), now).current).toEqual({
      changeId: "suspended-again",
      status: "SUSPENDED",
      since: at("2019-09-01T00:00:00Z"),
      sinceChangeId: "suspended-again",
    });
  });

  it("is not broken by another status overtaken at the same instant", () => {
    const history = [
      change("signed", "SIGNED", "2019-01-01T00:00:00Z"),
      change("misread", "IN_FORCE", "2019-04-01T00:00:00Z", { createdAt: "2019-04-02T00:00:00Z" }),
      change("corrected", "SIGNED", "2019-04-01T00:00:00Z", { createdAt: "2019-04-03T00:00:00Z" }),
    ];
    expect(deriveStatus(history, now).current).toEqual({ changeId: "corrected", status: "SIGNED", since: at("2019-01-01T00:00:00Z"), sinceChangeId: "signed" });
  });

  it("takes a run begun at one instant from the change in effect there, the last at that instant", () => {
    const history = [
      change("in-force", "IN_FORCE", "2019-01-01T00:00:00Z"),
      change("first", "SIGNED", "2019-04-01T00:00:00Z", { createdAt: "2019-04-02T00:00:00Z" }),
      change("overtaken", "IN_FORCE", "2019-04-01T00:00:00Z", { createdAt: "2019-04-03T00:00:00Z" }),
      change("last", "SIGNED", "2019-04-01T00:00:00Z", { createdAt: "2019-04-04T00:00:00Z" }),
    ];
    expect(deriveStatus(history, now).current).toEqual({ changeId: "last", status: "SIGNED", since: at("2019-04-01T00:00:00Z"), sinceChangeId: "last" });
  });

  it("does not count a restatement that has not yet taken effect", () => {
    const history = [
      change("in-force", "IN_FORCE", "2019-01-01T00:00:00Z"),
      change("signed", "SIGNED", "2020-06-01T00:00:00Z"),
      change("scheduled", "SIGNED", "2020-07-01T00:00:00Z", { effectiveAt: "2022-01-01T00:00:00Z" }),
    ];
    expect(deriveStatus(history, now).current).toEqual({ changeId: "signed", status: "SIGNED", since: at("2020-06-01T00:00:00Z"), sinceChangeId: "signed" });
  });
});
