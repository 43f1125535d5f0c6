import { describe, expect, it } from "vitest";
import { asOfHeadline, parseAsOf, resolveAsOf, wallTimeValue } from "./as-of";

describe("asOf", () => {
  it("reads a date as the end of that day in the page's zone", () => {
    const asOf = parseAsOf("2019-11-22")!;
    expect(resolveAsOf(asOf, "Asia/Seoul").toISOString()).toBe("2019-11-22T14:59:59.999Z");
    expect(resolveAsOf(asOf, "UTC").toISOString()).toBe("2019-11-22T23:59:59.999Z");
  });

  it("reads a wall time in the zone and an instant by its offset", () => {
    expect(resolveAsOf(parseAsOf("2019-11-22T12:00")!, "Asia/Seoul").toISOString()).toBe("2019-11-22T03:00:00.000Z");
    expect(resolveAsOf(parseAsOf("2019-11-22T23:00+09:00")!, "UTC").toISOString()).toBe("2019-11-22T14:00:00.000Z");
    expect(resolveAsOf(parseAsOf("2019-11-22T14:00:00.000Z")!, "Asia/Seoul").toISOString()).toBe("2019-11-22T14:00:00.000Z");
  });

  it("refuses what is not a real date and time", () => {
    for (const text of ["2019-02-30", "2019-11-22T24:00", "0000-01-01", "2019-11-22T12:00+25:00", "22/11/2019", "2019-11-22 12:00", "", "2019-11-22T12:60"]) {
      expect(parseAsOf(text), text).toBeNull();
    }
  });

  it("words the banner in the zone", () => {
    const instant = new Date("2019-11-22T06:00:00Z");
    expect(asOfHeadline(instant, "known", "Asia/Seoul")).toBe("The record as it was known on 22 November 2019, 15:00 Seoul time");
    expect(asOfHeadline(instant, "recorded", "UTC")).toBe("The record as Pactwatch recorded it on 22 November 2019, 06:00 UTC");
    expect(wallTimeValue(instant, "Asia/Seoul")).toBe("2019-11-22T15:00");
  });
});
