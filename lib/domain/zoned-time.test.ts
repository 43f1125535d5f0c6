import { describe, expect, it } from "vitest";
import { isValidTimeZone, startOfLocalDay, wallTimeToInstant } from "./zoned-time";

const at = (year: number, month: number, day: number, hour: number, minute: number, timeZone: string) =>
  wallTimeToInstant({ year, month, day, hour, minute }, timeZone).toISOString();

describe("wall time to instant", () => {
  it("uses Seoul's one offset all year (no daylight saving since 1988)", () => {
    expect(at(2019, 11, 22, 0, 0, "Asia/Seoul")).toBe("2019-11-21T15:00:00.000Z");
    expect(at(2019, 7, 1, 12, 30, "Asia/Seoul")).toBe("2019-07-01T03:30:00.000Z");
  });

  it("moves a time skipped by spring-forward ahead by the gap (London, New York)", () => {
    // London 2019-03-31: 01:00 GMT became 02:00 BST, so 01:30 never showed on a clock.
    expect(at(2019, 3, 31, 0, 59, "Europe/London")).toBe("2019-03-31T00:59:00.000Z");
    expect(at(2019, 3, 31, 1, 30, "Europe/London")).toBe("2019-03-31T01:30:00.000Z");
    expect(at(2019, 3, 31, 2, 0, "Europe/London")).toBe("2019-03-31T01:00:00.000Z");
    // New York 2019-03-10: 02:00 EST became 03:00 EDT.
    expect(at(2019, 3, 10, 2, 30, "America/New_York")).toBe("2019-03-10T07:30:00.000Z");
    expect(at(2019, 3, 10, 3, 0, "America/New_York")).toBe("2019-03-10T07:00:00.000Z");
  });

  it("takes the earlier of a time repeated by fall-back (London, New York)", () => {
    // London 2019-10-27: 02:00 BST became 01:00 GMT, so 01:30 happened twice.
    expect(at(2019, 10, 27, 1, 30, "Europe/London")).toBe("2019-10-27T00:30:00.000Z");
    expect(at(2019, 10, 27, 2, 0, "Europe/London")).toBe("2019-10-27T02:00:00.000Z");
    // New York 2019-11-03: 02:00 EDT became 01:00 EST.
    expect(at(2019, 11, 3, 1, 30, "America/New_York")).toBe("2019-11-03T05:30:00.000Z");
    expect(at(2019, 11, 3, 2, 0, "America/New_York")).toBe("2019-11-03T07:00:00.000Z");
  });

  it("keeps the sign of an offset smaller than an hour (London's mean time before 1847)", () => {
    // GMT-00:01:15: the clock read midnight 75 seconds after UTC midnight. @date-fns/tz's
    // tzOffset reads this as +00:01:15 (docs/decisions/011).
    expect(at(1800, 1, 1, 0, 0, "Europe/London")).toBe("1800-01-01T00:01:15.000Z");
  });
});

describe("start of a local day", () => {
  it("is local midnight on the days clocks change", () => {
    expect(startOfLocalDay({ year: 2019, month: 3, day: 31 }, "Europe/London").toISOString()).toBe("2019-03-31T00:00:00.000Z");
    expect(startOfLocalDay({ year: 2019, month: 10, day: 27 }, "Europe/London").toISOString()).toBe("2019-10-26T23:00:00.000Z");
    expect(startOfLocalDay({ year: 2019, month: 3, day: 10 }, "America/New_York").toISOString()).toBe("2019-03-10T05:00:00.000Z");
    expect(startOfLocalDay({ year: 2019, month: 11, day: 3 }, "America/New_York").toISOString()).toBe("2019-11-03T04:00:00.000Z");
  });

  it("is the first instant of the day when midnight itself is skipped (São Paulo, 2018-11-04)", () => {
    // Clocks went from 00:00 straight to 01:00 (-02:00): the day began at 03:00 UTC.
    expect(startOfLocalDay({ year: 2018, month: 11, day: 4 }, "America/Sao_Paulo").toISOString()).toBe("2018-11-04T03:00:00.000Z");
  });
});

describe("isValidTimeZone", () => {
  it("accepts IANA names and refuses offsets and unknown names", () => {
    expect(isValidTimeZone("Asia/Seoul")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("+09:00")).toBe(false);
    expect(isValidTimeZone("Asia/Nowhere")).toBe(false);
    expect(isValidTimeZone(" ")).toBe(false);
  });
});
