import { describe, it, expect } from "vitest";
import { deriveStatus, type StatusHistoryEntry } from "./status-derivation";

// The Japan–South Korea GSOMIA, dates at DAY precision in Asia/Seoul (midnight = 15:00 UTC the day before).
const inForce: StatusHistoryEntry = {
  id: "in-force",
  status: "IN_FORCE",
  state: "PUBLISHED",
  occurredAt: new Date("2016-11-23T00:00:00+09:00"),
  effectiveAt: null,
  cancelsId: null,
  createdAt: new Date("2016-11-23T12:00:00+09:00"),
};
const termination: StatusHistoryEntry = {
  id: "termination",
  status: "TERMINATED",
  state: "PUBLISHED",
  occurredAt: new Date("2019-08-22T00:00:00+09:00"),
  effectiveAt: new Date("2019-11-23T00:00:00+09:00"),
  cancelsId: null,
  createdAt: new Date("2019-08-22T19:00:00+09:00"),
};
const notice: StatusHistoryEntry = {
  id: "notice",
  status: "NOTICE_GIVEN",
  state: "PUBLISHED",
  occurredAt: new Date("2019-08-23T00:00:00+09:00"),
  effectiveAt: null,
  cancelsId: null,
  createdAt: new Date("2019-08-23T15:00:00+09:00"),
};
const extension: StatusHistoryEntry = {
  id: "extension",
  status: "PROVISIONALLY_EXTENDED",
  state: "PUBLISHED",
  occurredAt: new Date("2019-11-22T00:00:00+09:00"),
  effectiveAt: null,
  cancelsId: "termination",
  createdAt: new Date("2019-11-22T18:30:00+09:00"),
};
const restoration: StatusHistoryEntry = {
  id: "restoration",
  status: "RESTORED",
  state: "PUBLISHED",
  occurredAt: new Date("2023-03-21T00:00:00+09:00"),
  effectiveAt: null,
  cancelsId: null,
  createdAt: new Date("2023-03-21T17:00:00+09:00"),
};
const history = [inForce, termination, notice, extension, restoration];

const pendingTermination = {
  changeId: "termination",
  status: "TERMINATED",
  effectiveAt: new Date("2019-11-22T15:00:00Z"),
};

describe("GSOMIA, as known now", () => {
  it("was in force, with nothing yet scheduled, in 2018", () => {
    expect(deriveStatus(history, new Date("2018-01-01T00:00:00Z"))).toEqual({
      current: { changeId: "in-force", status: "IN_FORCE", since: new Date("2016-11-22T15:00:00Z"), sinceChangeId: "in-force" },
      pending: [],
      cancelled: [],
    });
  });

  it("was under notice with the termination pending on 1 October 2019", () => {
    expect(deriveStatus(history, new Date("2019-10-01T00:00:00+09:00"))).toEqual({
      current: { changeId: "notice", status: "NOTICE_GIVEN", since: new Date("2019-08-22T15:00:00Z"), sinceChangeId: "notice" },
      pending: [pendingTermination],
      cancelled: [],
    });
  });

  it("was still under notice late on 21 November 2019, Seoul time", () => {
    const result = deriveStatus(history, new Date("2019-11-21T23:00:00+09:00"));
    expect(result.current?.status).toBe("NOTICE_GIVEN");
    expect(result.pending).toEqual([pendingTermination]);
  });

  it("was provisionally extended from the start of 22 November 2019 in Seoul, the termination cancelled", () => {
    expect(deriveStatus(history, new Date("2019-11-22T12:00:00+09:00"))).toEqual({
      current: {
        changeId: "extension",
        status: "PROVISIONALLY_EXTENDED",
        since: new Date("2019-11-22T00:00:00+09:00"), sinceChangeId: "extension",
      },
      pending: [],
      cancelled: [{ changeId: "termination", cancelledById: "extension" }],
    });
  });

  it("was not terminated when the termination would have taken effect", () => {
    expect(deriveStatus(history, new Date("2019-11-23T00:00:00+09:00")).current?.status).toBe("PROVISIONALLY_EXTENDED");
    expect(deriveStatus(history, new Date("2019-12-01T00:00:00Z"))).toEqual({
      current: {
        changeId: "extension",
        status: "PROVISIONALLY_EXTENDED",
        since: new Date("2019-11-21T15:00:00Z"), sinceChangeId: "extension",
      },
      pending: [],
      cancelled: [{ changeId: "termination", cancelledById: "extension" }],
    });
  });

  it("is restored from 21 March 2023", () => {
    expect(deriveStatus(history, new Date("2024-01-01T00:00:00Z")).current).toEqual({
      changeId: "restoration",
      status: "RESTORED",
      since: new Date("2023-03-20T15:00:00Z"), sinceChangeId: "restoration",
    });
  });

  it("would have terminated had the extension been retracted", () => {
    const withoutExtension = [inForce, termination, notice, { ...extension, state: "RETRACTED" as const }];
    expect(deriveStatus(withoutExtension, new Date("2019-12-01T00:00:00Z")).current).toEqual({
      changeId: "termination",
      status: "TERMINATED",
      since: new Date("2019-11-22T15:00:00Z"), sinceChangeId: "termination",
    });
  });
});

describe("GSOMIA, as known at the time", () => {
  const publishedBy = (instant: Date) => history.filter((change) => change.createdAt <= instant);

  it("had the termination pending on 20 November 2019", () => {
    const knownOn = new Date("2019-11-20T12:00:00+09:00");
    expect(deriveStatus(publishedBy(knownOn), knownOn)).toEqual({
      current: { changeId: "notice", status: "NOTICE_GIVEN", since: new Date("2019-08-22T15:00:00Z"), sinceChangeId: "notice" },
      pending: [pendingTermination],
      cancelled: [],
    });
  });

  it("still had the termination pending at noon on 22 November, before the extension was logged", () => {
    const noon = new Date("2019-11-22T12:00:00+09:00");
    expect(deriveStatus(publishedBy(noon), noon).current?.status).toBe("NOTICE_GIVEN");
    expect(deriveStatus(publishedBy(noon), noon).pending).toEqual([pendingTermination]);
    expect(deriveStatus(history, noon).current?.status).toBe("PROVISIONALLY_EXTENDED");
  });
});
