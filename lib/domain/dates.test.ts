import { describe, it, expect } from "vitest";
import {
  ZPartialDate,
  formatInstant,
  formatIsoDate,
  formatOccurred,
  isValidTimeZone,
  localDateTimeToInstant,
  parsePartialDate,
  startOfLocalPeriod,
  toLocalIsoDate,
  toPartialDateInput,
} from "./dates";

const iso = (date: Date) => date.toISOString();

describe("parsePartialDate", () => {
  it("reads each precision from the shape of the string", () => {
    expect(parsePartialDate("2019-11-22")).toEqual({ ok: true, date: { year: 2019, month: 11, day: 22, precision: "DAY" } });
    expect(parsePartialDate("2019-11")).toEqual({ ok: true, date: { year: 2019, month: 11, precision: "MONTH" } });
    expect(parsePartialDate(" 2019 ")).toEqual({ ok: true, date: { year: 2019, precision: "YEAR" } });
  });

  it("knows leap days", () => {
    expect(parsePartialDate("2020-02-29").ok).toBe(true);
    expect(parsePartialDate("2019-02-29")).toEqual({ ok: false, reason: "2019-02-29 is not a day in the calendar." });
    expect(parsePartialDate("1900-02-29").ok).toBe(false);
    expect(parsePartialDate("2000-02-29").ok).toBe(true);
  });

  it("refuses malformed and impossible dates with a reason", () => {
    expect(parsePartialDate("2019-13")).toEqual({ ok: false, reason: "There is no month 13." });
    expect(parsePartialDate("2019-04-31").ok).toBe(false);
    expect(parsePartialDate("2019-00").ok).toBe(false);
    for (const input of ["", "19-11-22", "2019-1-5", "22/11/2019", "2019-11-22T00:00"]) {
      expect(parsePartialDate(input)).toEqual({ ok: false, reason: "Enter a date as YYYY-MM-DD, YYYY-MM or YYYY." });
    }
    expect(parsePartialDate("0999")).toEqual({ ok: false, reason: "Enter a year from 1000 on." });
  });

  it("has a zod schema with the same rules and messages", () => {
    expect(ZPartialDate.parse("2019-11")).toEqual({ year: 2019, month: 11, precision: "MONTH" });
    const failure = ZPartialDate.safeParse("2019-02-30");
    expect(failure.success).toBe(false);
    expect(failure.error?.issues[0]?.message).toBe("2019-02-30 is not a day in the calendar.");
  });
});

describe("startOfLocalPeriod", () => {
  it("starts a Seoul day on the previous UTC day", () => {
    expect(iso(startOfLocalPeriod({ year: 2019, month: 11, day: 22, precision: "DAY" }, "Asia/Seoul"))).toBe(
      "2019-11-21T15:00:00.000Z",
    );
  });

  it("starts months and years at their first local midnight", () => {
    expect(iso(startOfLocalPeriod({ year: 2019, month: 11, precision: "MONTH" }, "Asia/Seoul"))).toBe(
      "2019-10-31T15:00:00.000Z",
    );
    expect(iso(startOfLocalPeriod({ year: 2019, precision: "YEAR" }, "America/New_York"))).toBe(
      "2019-01-01T05:00:00.000Z",
    );
  });

  it("ignores finer fields than the precision", () => {
    expect(iso(startOfLocalPeriod({ year: 2019, month: 8, day: 22, precision: "YEAR" }, "UTC"))).toBe(
      "2019-01-01T00:00:00.000Z",
    );
  });

  it("follows daylight saving time", () => {
    expect(iso(startOfLocalPeriod({ year: 2024, month: 1, day: 15, precision: "DAY" }, "Europe/Berlin"))).toBe(
      "2024-01-14T23:00:00.000Z",
    );
    expect(iso(startOfLocalPeriod({ year: 2024, month: 7, day: 15, precision: "DAY" }, "Europe/Berlin"))).toBe(
      "2024-07-14T22:00:00.000Z",
    );
  });

  it("starts a day whose midnight was skipped at its first instant", () => {
    // Chile moved clocks from 00:00 to 01:00 on 8 September 2019.
    expect(iso(startOfLocalPeriod({ year: 2019, month: 9, day: 8, precision: "DAY" }, "America/Santiago"))).toBe(
      "2019-09-08T04:00:00.000Z",
    );
  });

  it("refuses unknown zones and incomplete dates", () => {
    expect(() => startOfLocalPeriod({ year: 2019, precision: "YEAR" }, "Mars/Olympus")).toThrow(RangeError);
    expect(() => startOfLocalPeriod({ year: 2019, month: 3, precision: "DAY" }, "UTC")).toThrow(RangeError);
  });
});

describe("localDateTimeToInstant", () => {
  it("converts a Seoul midnight", () => {
    expect(iso(localDateTimeToInstant("2019-11-23T00:00", "Asia/Seoul"))).toBe("2019-11-22T15:00:00.000Z");
    expect(iso(localDateTimeToInstant("2019-11-23T09:30:15", "Asia/Seoul"))).toBe("2019-11-23T00:30:15.000Z");
  });

  it("moves a time skipped by spring-forward ahead by the gap", () => {
    expect(iso(localDateTimeToInstant("2024-03-31T02:30", "Europe/Berlin"))).toBe("2024-03-31T01:30:00.000Z");
  });

  it("takes the earlier of a time repeated when clocks go back", () => {
    expect(iso(localDateTimeToInstant("2024-10-27T02:30", "Europe/Berlin"))).toBe("2024-10-27T00:30:00.000Z");
    expect(iso(localDateTimeToInstant("2024-10-27T03:30", "Europe/Berlin"))).toBe("2024-10-27T02:30:00.000Z");
  });

  it("refuses impossible readings and unknown zones", () => {
    expect(() => localDateTimeToInstant("2019-11-23T24:00", "UTC")).toThrow(RangeError);
    expect(() => localDateTimeToInstant("2019-02-30T00:00", "UTC")).toThrow(RangeError);
    expect(() => localDateTimeToInstant("2019-11-23", "UTC")).toThrow(RangeError);
    expect(() => localDateTimeToInstant("2019-11-23T00:00", "Seoul")).toThrow(RangeError);
  });
});

describe("formatOccurred", () => {
  const seoulMidnight = new Date("2019-11-21T15:00:00Z");

  it("formats in the entry's zone, not the server's", () => {
    expect(formatOccurred(seoulMidnight, "DAY", "Asia/Seoul")).toBe("22 November 2019");
    expect(formatOccurred(seoulMidnight, "DAY", "UTC")).toBe("21 November 2019");
  });

  it("shows only what the precision claims", () => {
    expect(formatOccurred(new Date("2019-10-31T15:00:00Z"), "MONTH", "Asia/Seoul")).toBe("November 2019");
    expect(formatOccurred(new Date("2019-10-31T15:00:00Z"), "MONTH", "UTC")).toBe("October 2019");
    expect(formatOccurred(new Date("2018-12-31T15:00:00Z"), "YEAR", "Asia/Seoul")).toBe("2019");
  });

  it("puts one instant on different days either side of the date line", () => {
    const instant = new Date("2019-11-22T10:30:00Z");
    expect(formatOccurred(instant, "DAY", "Pacific/Kiritimati")).toBe("23 November 2019");
    expect(formatOccurred(instant, "DAY", "Pacific/Pago_Pago")).toBe("21 November 2019");
  });

  it("accepts another locale", () => {
    expect(formatOccurred(seoulMidnight, "DAY", "Asia/Seoul", { locale: "en-US" })).toBe("November 22, 2019");
  });
});

describe("formatInstant", () => {
  it("names the zone after the local time", () => {
    expect(formatInstant(new Date("2019-11-22T15:00:00Z"), "Asia/Seoul")).toMatch(
      /^23 November 2019, 00:00 (KST|GMT\+9)$/,
    );
    expect(formatInstant(new Date("2019-11-22T15:00:00Z"), "UTC")).toBe("22 November 2019, 15:00 UTC");
  });

  it("switches between winter and summer time", () => {
    expect(formatInstant(new Date("2024-01-15T12:00:00Z"), "Europe/Berlin")).toBe("15 January 2024, 13:00 CET");
    expect(formatInstant(new Date("2024-07-15T12:00:00Z"), "Europe/Berlin")).toBe("15 July 2024, 14:00 CEST");
  });
});

describe("isValidTimeZone", () => {
  it("accepts IANA zones only", () => {
    expect(isValidTimeZone("Asia/Seoul")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
    expect(isValidTimeZone("+09:00")).toBe(false);
  });
});

describe("toPartialDateInput", () => {
  it("gives back what the analyst typed, read in the entry's zone", () => {
    const stored = startOfLocalPeriod({ year: 2019, month: 11, day: 22, precision: "DAY" }, "Asia/Seoul");
    expect(toLocalIsoDate(stored, "Asia/Seoul")).toBe("2019-11-22");
    expect(toPartialDateInput(stored, "DAY", "Asia/Seoul")).toBe("2019-11-22");
    expect(toPartialDateInput(stored, "MONTH", "Asia/Seoul")).toBe("2019-11");
    expect(toPartialDateInput(stored, "YEAR", "Asia/Seoul")).toBe("2019");
    expect(toPartialDateInput(stored, "DAY", "UTC")).toBe("2019-11-21");
  });
});

describe("formatIsoDate", () => {
  it("formats a calendar date without shifting it through any zone", () => {
    expect(formatIsoDate("2027-08-24")).toBe("24 August 2027");
    expect(formatIsoDate("2016-11-23")).toBe("23 November 2016");
  });
});
