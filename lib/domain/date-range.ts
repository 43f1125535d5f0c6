import { DatePrecision } from "../generated/prisma/enums";
import { addCalendarMonths, type CalendarDate } from "./calendar-date";
import { parsePartialDate, startOfLocalPeriod } from "./dates";

/** A half-open interval of instants [start, end); either side may be open. */
export interface InstantRange {
  start: Date | null;
  end: Date | null;
}

/** The result of reading a "from"/"to" pair: the range, or a reason fit to show beside the fields. */
export type InstantRangeResult = { ok: true; range: InstantRange } | { ok: false; reason: string };

/**
 * Reads a filter's "from" and "to" partial dates ("2019", "2019-08", "2019-08-22") as a range of
 * instants in the zone: from the start of `from`'s period to the end of `to`'s period, so
 * from=2019&to=2019 is the whole of 2019. Empty strings leave that side open.
 */
export function partialDateRange(from: string | undefined, to: string | undefined, timeZone = "UTC"): InstantRangeResult {
  let start: Date | null = null;
  let end: Date | null = null;
  if (from?.trim()) {
    const parsed = parsePartialDate(from);
    if (!parsed.ok) return { ok: false, reason: `From: ${parsed.reason}` };
    start = startOfLocalPeriod(parsed.date, timeZone);
  }
  if (to?.trim()) {
    const parsed = parsePartialDate(to);
    if (!parsed.ok) return { ok: false, reason: `To: ${parsed.reason}` };
    const { year, month = 1, day = 1, precision } = parsed.date;
    const first: CalendarDate = { year, month, day };
    const next =
      precision === DatePrecision.YEAR
        ? { year: year + 1, month: 1, day: 1 }
        : precision === DatePrecision.MONTH
          ? addCalendarMonths({ ...first, day: 1 }, 1)
          : nextDay(first);
    end = startOfLocalPeriod({ ...next, precision: DatePrecision.DAY }, timeZone);
  }
  if (start && end && start.getTime() >= end.getTime()) return { ok: false, reason: "The “from” date must come before the “to” date." };
  return { ok: true, range: { start, end } };
}

function nextDay(date: CalendarDate): CalendarDate {
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}
