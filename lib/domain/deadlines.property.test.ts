import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyParameters } from "../../tests/support/hostile-input";
import { isInstantInRange } from "../schemas/instant";
import { toIsoDate } from "./calendar-date";
import { formatInstant, formatIsoDate } from "./dates";
import { nextNoticeDeadline } from "./deadlines";

// The term and deadline code must answer for any terms the schemas let through (and for rows
// stored before they were checked), up to the ends of the calendar: a throw here broke the
// agreement page for good (a 1,200-month term renewing past the year 9999).

const ZONES = ["UTC", "Asia/Seoul", "Pacific/Kiritimati", "Etc/GMT+12", "America/St_Johns", "Not/AZone"];

describe("nextNoticeDeadline at the extremes", () => {
  it("never throws, and any deadline it gives is a date the pages can show", () => {
    const terms = fc.record({
      inForceOn: fc.record({ year: fc.integer({ min: 1000, max: 9999 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) }).map(toIsoDate),
      termMonths: fc.oneof(fc.integer({ min: 1, max: 1200 }), fc.constantFrom(1200, 1, 0, -1)),
      noticeDays: fc.oneof(fc.integer({ min: 0, max: 3650 }), fc.constant(3650)),
      timeZone: fc.constantFrom(...ZONES),
      now: fc.date({ min: new Date("1000-01-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true }),
    });
    fc.assert(
      fc.property(terms, ({ now, ...rest }) => {
        const deadline = nextNoticeDeadline({ ...rest, autoRenews: true }, now);
        if (deadline === null) return;
        expect(isInstantInRange(deadline.termEndsAt)).toBe(true);
        expect(isInstantInRange(deadline.noticeDeadlineAt)).toBe(true);
        expect(deadline.noticeDeadlineAt.getTime()).toBeGreaterThan(now.getTime());
        expect(formatIsoDate(deadline.lastDayToGiveNotice)).not.toBe(deadline.lastDayToGiveNotice);
        expect(() => formatInstant(deadline.termEndsAt, rest.timeZone === "Not/AZone" ? "UTC" : rest.timeZone)).not.toThrow();
      }),
      propertyParameters(300),
    );
  });

  it("formats dates past 9999 and invalid instants instead of throwing", () => {
    expect(formatIsoDate("10099-12-30")).toBe("30 December 10099");
    expect(formatInstant(new Date(Number.NaN), "UTC")).toBe("an unknown date");
  });
});
