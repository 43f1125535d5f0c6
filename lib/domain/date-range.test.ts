import { describe, expect, it } from "vitest";
import { partialDateRange } from "./date-range";

describe("partialDateRange", () => {
  it("covers whole periods: from the start of `from` to the end of `to`", () => {
    expect(partialDateRange("2019", "2019")).toEqual({
      ok: true,
      range: { start: new Date("2019-01-01T00:00:00Z"), end: new Date("2020-01-01T00:00:00Z") },
    });
    expect(partialDateRange("2019-08", "2019-12")).toEqual({
      ok: true,
      range: { start: new Date("2019-08-01T00:00:00Z"), end: new Date("2020-01-01T00:00:00Z") },
    });
    expect(partialDateRange(undefined, "2019-02-28")).toEqual({ ok: true, range: { start: null, end: new Date("2019-03-01T00:00:00Z") } });
  });

  it("places the period in a zone", () => {
    const result = partialDateRange("2019-11-22", "2019-11-22", "Asia/Seoul");
    expect(result).toEqual({
      ok: true,
      range: { start: new Date("2019-11-21T15:00:00Z"), end: new Date("2019-11-22T15:00:00Z") },
    });
  });

  it("leaves empty sides open and explains bad input", () => {
    expect(partialDateRange("", " ")).toEqual({ ok: true, range: { start: null, end: null } });
    expect(partialDateRange("2019-13", undefined)).toMatchObject({ ok: false, reason: expect.stringContaining("From") });
    expect(partialDateRange("2020", "2019")).toMatchObject({ ok: false });
  });
});
