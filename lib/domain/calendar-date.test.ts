import { describe, it, expect } from "vitest";
import { addMonths } from "date-fns";
import {
  addCalendarDays,
  addCalendarMonths,
  daysInMonth,
  isValidCalendarDate,
  parseIsoDate,
  toIsoDate,
  utcMidnightOf,
} from "./calendar-date";

describe("calendar dates", () => {
  it("knows month lengths and Gregorian leap years", () => {
    expect(daysInMonth(2019, 2)).toBe(28);
    expect(daysInMonth(2020, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2019, 4)).toBe(30);
    expect(daysInMonth(2019, 12)).toBe(31);
    expect(isValidCalendarDate({ year: 2019, month: 4, day: 31 })).toBe(false);
    expect(isValidCalendarDate({ year: 2019, month: 13, day: 1 })).toBe(false);
    expect(isValidCalendarDate({ year: 2019, month: 1, day: 1.5 })).toBe(false);
  });

  it("parses and prints strict ISO dates", () => {
    expect(parseIsoDate("2016-11-23")).toEqual({ year: 2016, month: 11, day: 23 });
    expect(parseIsoDate("2016-11-31")).toBeNull();
    expect(parseIsoDate("2016-11-3")).toBeNull();
    expect(parseIsoDate("2016-11-23T00:00")).toBeNull();
    expect(toIsoDate({ year: 2027, month: 8, day: 4 })).toBe("2027-08-04");
  });

  it("adds months as date-fns addMonths does, clamping to the month's end", () => {
    expect(addCalendarMonths({ year: 2023, month: 1, day: 31 }, 1)).toEqual({ year: 2023, month: 2, day: 28 });
    expect(addCalendarMonths({ year: 2024, month: 1, day: 31 }, 1)).toEqual({ year: 2024, month: 2, day: 29 });
    expect(addCalendarMonths({ year: 2016, month: 11, day: 23 }, 36)).toEqual({ year: 2019, month: 11, day: 23 });
    expect(addCalendarMonths({ year: 2019, month: 3, day: 31 }, -1)).toEqual({ year: 2019, month: 2, day: 28 });
    for (const start of ["2023-01-31", "2020-02-29", "2019-08-30", "2016-11-23", "2021-12-31"]) {
      const date = parseIsoDate(start)!;
      for (let months = -30; months <= 60; months += 1) {
        // Local noon, read back with local getters: calendar arithmetic whatever the host's zone.
        const expected = addMonths(new Date(date.year, date.month - 1, date.day, 12), months);
        const actual = addCalendarMonths(date, months);
        expect(toIsoDate(actual)).toBe(toIsoDate({ year: expected.getFullYear(), month: expected.getMonth() + 1, day: expected.getDate() }));
      }
    }
  });

  it("adds and subtracts days across month, year and leap-day boundaries", () => {
    expect(addCalendarDays({ year: 2019, month: 11, day: 23 }, -90)).toEqual({ year: 2019, month: 8, day: 25 });
    expect(addCalendarDays({ year: 2024, month: 3, day: 1 }, -1)).toEqual({ year: 2024, month: 2, day: 29 });
    expect(addCalendarDays({ year: 2023, month: 3, day: 1 }, -1)).toEqual({ year: 2023, month: 2, day: 28 });
    expect(addCalendarDays({ year: 2019, month: 12, day: 31 }, 1)).toEqual({ year: 2020, month: 1, day: 1 });
  });

  it("gives UTC midnight even for years Date.UTC would misread", () => {
    expect(utcMidnightOf({ year: 2019, month: 11, day: 23 })).toBe(Date.parse("2019-11-23T00:00:00Z"));
    expect(new Date(utcMidnightOf({ year: 50, month: 1, day: 1 })).getUTCFullYear()).toBe(50);
  });
});
