import { describe, expect, it } from "vitest";
import { EntryState, Status } from "../generated/prisma/enums";
import { deriveStatus, type StatusHistoryEntry } from "./status-derivation";
import { statusTimeline } from "./status-timeline";

const day = 86_400_000;
const base = Date.UTC(2019, 0, 1);
const at = (days: number) => new Date(base + days * day);

function change(id: string, status: Status, occurred: number, overrides: Partial<StatusHistoryEntry> = {}): StatusHistoryEntry {
  return { id, status, state: EntryState.PUBLISHED, occurredAt: at(occurred), effectiveAt: null, cancelsId: null, createdAt: at(occurred), ...overrides };
}

describe("statusTimeline", () => {
  it("draws GSOMIA's 2019: notice given, the termination cancelled, provisionally extended", () => {
    const history = [
      change("a", Status.IN_FORCE, 0),
      change("b", Status.TERMINATED, 230, { effectiveAt: at(326) }),
      change("c", Status.NOTICE_GIVEN, 231),
      change("d", Status.PROVISIONALLY_EXTENDED, 325, { cancelsId: "b" }),
    ];
    const timeline = statusTimeline(history, at(400));
    expect(timeline.bands.map((band) => band.status)).toEqual([Status.IN_FORCE, Status.NOTICE_GIVEN, Status.PROVISIONALLY_EXTENDED]);
    expect(timeline.bands.at(-1)?.to).toBeNull();
    expect(timeline.scheduled).toEqual([]);

    const before = statusTimeline(history, at(300));
    expect(before.scheduled).toEqual([{ status: Status.TERMINATED, from: at(326), changeId: "b" }]);
    expect(before.bands.map((band) => band.status)).toEqual([Status.IN_FORCE, Status.NOTICE_GIVEN]);
  });

  it("merges consecutive bands of one status and ignores drafts and retractions", () => {
    const history = [
      change("a", Status.IN_FORCE, 0),
      change("b", Status.IN_FORCE, 10),
      change("c", Status.SUSPENDED, 20, { state: EntryState.RETRACTED }),
      change("d", Status.SUSPENDED, 30, { state: EntryState.DRAFT }),
    ];
    expect(statusTimeline(history, at(40)).bands).toEqual([{ status: Status.IN_FORCE, from: at(0), to: null, changeId: "a" }]);
  });

  it("agrees with deriveStatus at every instant, on random histories", () => {
    const statuses = [Status.IN_FORCE, Status.SUSPENDED, Status.NOTICE_GIVEN, Status.TERMINATED, Status.RESTORED];
    const states = [EntryState.PUBLISHED, EntryState.PUBLISHED, EntryState.PUBLISHED, EntryState.RETRACTED, EntryState.DRAFT];
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    let restated = 0;
    for (let round = 0; round < 200; round++) {
      const history: StatusHistoryEntry[] = [];
      const size = 1 + Math.floor(random() * 12);
      for (let index = 0; index < size; index++) {
        const occurred = Math.floor(random() * 100);
        const hasEffective = random() < 0.3;
        const earlier = history.filter((entry) => entry.effectiveAt);
        history.push(
          change(`c${index}`, pick(statuses), occurred, {
            state: pick(states),
            effectiveAt: hasEffective ? at(occurred + Math.floor(random() * 40) - 5) : null,
            cancelsId: earlier.length && random() < 0.4 ? pick(earlier).id : null,
            createdAt: at(Math.floor(random() * 3)),
          }),
        );
      }
      const now = at(Math.floor(random() * 140));
      const { bands } = statusTimeline(history, now);
      // "since" is where the last band, the uninterrupted run of the current status, begins.
      const current = deriveStatus(history, now).current;
      expect(current && { status: current.status, since: current.since }, `round ${round}`).toEqual(bands.at(-1) ? { status: bands.at(-1)!.status, since: bands.at(-1)!.from } : null);
      if (current && current.sinceChangeId !== current.changeId) restated += 1;
      for (let instant = -1; instant * day <= now.getTime() - base; instant += 0.5) {
        const t = at(instant);
        if (t > now) break;
        const band = bands.find((candidate) => candidate.from <= t && (candidate.to === null || t < candidate.to));
        expect(band?.status ?? null, `round ${round} at day ${instant}`).toBe(deriveStatus(history, t).current?.status ?? null);
      }
    }
    // Runs of a restated status occurred, so the "since" check above saw more than single changes.
    expect(restated).toBeGreaterThan(10);
  });
});
