import { z } from "zod";
import { DatePrecision } from "../generated/prisma/enums";
import { boundedCache } from "./bounded-cache";
import { isValidCalendarDate, toIsoDate, utcMidnightOf } from "./calendar-date";
import { isValidTimeZone, startOfLocalDay, wallTimeToInstant } from "./zoned-time";

export { isValidTimeZone } from "./zoned-time";

/** A date known to the day, the month or only the year, as analysts log developments. */
export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
  precision: DatePrecision;
}

/** The outcome of parsing a partial date: the date, or a reason fit to show beside the field. */
export type PartialDateResult = { ok: true; date: PartialDate } | { ok: false; reason: string };

const PARTIAL_DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const LOCAL_DATE_TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
// Intl and Date disagree about years before 1000 (eras, two-digit years); no tracked pact is older.
const EARLIEST_YEAR = 1000;

/** Parses "2019-11-22" (DAY), "2019-11" (MONTH) or "2019" (YEAR) precision dates. */
export function parsePartialDate(input: string): PartialDateResult {
  const text = input.trim();
  const match = PARTIAL_DATE_PATTERN.exec(text);
  if (!match) return { ok: false, reason: "Enter a date as YYYY-MM-DD, YYYY-MM or YYYY." };
  const [, yearText, monthText, dayText] = match;
  const year = Number(yearText);
  if (year < EARLIEST_YEAR) return { ok: false, reason: `Enter a year from ${EARLIEST_YEAR} on.` };
  if (monthText === undefined) return { ok: true, date: { year, precision: DatePrecision.YEAR } };
  const month = Number(monthText);
  if (month < 1 || month > 12) return { ok: false, reason: `There is no month ${monthText}.` };
  if (dayText === undefined) return { ok: true, date: { year, month, precision: DatePrecision.MONTH } };
  const day = Number(dayText);
  if (!isValidCalendarDate({ year, month, day })) return { ok: false, reason: `${text} is not a day in the calendar.` };
  return { ok: true, date: { year, month, day, precision: DatePrecision.DAY } };
}

/** Zod schema turning a "YYYY[-MM[-DD]]" string into a PartialDate, with parsePartialDate's messages. */
export const ZPartialDate = z.string().transform((input, context): PartialDate => {
  const result = parsePartialDate(input);
  if (result.ok) return result.date;
  context.addIssue({ code: "custom", message: result.reason });
  return z.NEVER;
});

function assertTimeZone(timeZone: string): void {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone "${timeZone}".`);
}

/** The instant at which the partial date's day, month or year begins in the zone (Seoul 2019-11-22 → 2019-11-21T15:00Z). */
export function startOfLocalPeriod(partial: PartialDate, timeZone: string): Date {
  assertTimeZone(timeZone);
  const { year, month, day, precision } = partial;
  if (precision === DatePrecision.YEAR) return startOfLocalDay({ year, month: 1, day: 1 }, timeZone);
  if (month === undefined) throw new RangeError(`A ${precision} precision date needs a month.`);
  if (precision === DatePrecision.MONTH) return startOfLocalDay({ year, month, day: 1 }, timeZone);
  if (day === undefined) throw new RangeError("A DAY precision date needs a day.");
  return startOfLocalDay({ year, month, day }, timeZone);
}

/** Converts a local "YYYY-MM-DDTHH:mm[:ss]" reading in the zone to an instant; throws RangeError when invalid. */
export function localDateTimeToInstant(localDateTime: string, timeZone: string): Date {
  assertTimeZone(timeZone);
  const match = LOCAL_DATE_TIME_PATTERN.exec(localDateTime.trim());
  if (!match) throw new RangeError(`Expected YYYY-MM-DDTHH:mm, got "${localDateTime}".`);
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = match
    .slice(1)
    .map((part) => Number(part ?? 0));
  const wall = { year, month, day, hour, minute, second };
  const isValidClock = wall.hour < 24 && wall.minute < 60 && wall.second < 60;
  if (wall.year < EARLIEST_YEAR || !isValidCalendarDate(wall) || !isValidClock) {
    throw new RangeError(`"${localDateTime}" is not a valid local date and time.`);
  }
  return wallTimeToInstant(wall, timeZone);
}

const OCCURRED_FORMAT_OPTIONS: Record<DatePrecision, Intl.DateTimeFormatOptions> = {
  DAY: { day: "numeric", month: "long", year: "numeric" },
  MONTH: { month: "long", year: "numeric" },
  YEAR: { year: "numeric" },
};

// Building an Intl.DateTimeFormat costs 50–350 µs and native memory the garbage collector sees
// late (a page formats hundreds of dates: resident memory grew to gigabytes); using one costs
// 2–4 µs. Formatters are kept per (kind, locale, zone), a few hundred at most.
const formatters = boundedCache<Intl.DateTimeFormat>(512);

const INSTANT_TIME_OPTIONS: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" };
const ISO_PARTS_OPTIONS: Intl.DateTimeFormatOptions = { year: "numeric", month: "numeric", day: "numeric" };

function formatter(kind: DatePrecision | "TIME" | "PARTS", locale: string, timeZone: string): Intl.DateTimeFormat {
  return formatters.get(`${kind}\u0000${locale}\u0000${timeZone}`, () => {
    const options = kind === "TIME" ? INSTANT_TIME_OPTIONS : kind === "PARTS" ? ISO_PARTS_OPTIONS : OCCURRED_FORMAT_OPTIONS[kind];
    return new Intl.DateTimeFormat(locale, { ...options, timeZone });
  });
}

/** Formats an occurred date to its precision in the entry's own zone: "22 November 2019", "November 2019", "2019". */
export function formatOccurred(
  date: Date,
  precision: DatePrecision,
  timeZone: string,
  { locale = "en-GB" }: { locale?: string } = {},
): string {
  if (Number.isNaN(date.getTime())) return UNKNOWN_DATE;
  return formatter(precision, locale, timeZone).format(date);
}

// Intl throws on an invalid Date; a page shows this instead of failing (no stored date should be
// invalid, but a page must not break for good over one).
const UNKNOWN_DATE = "an unknown date";

/** Formats an instant in the zone with the zone's short name: "23 November 2019, 00:00 GMT+9". */
export function formatInstant(date: Date, timeZone: string, { locale = "en-GB" }: { locale?: string } = {}): string {
  if (Number.isNaN(date.getTime())) return UNKNOWN_DATE;
  const day = formatter(DatePrecision.DAY, locale, timeZone).format(date);
  const time = formatter("TIME", locale, timeZone).format(date);
  return `${day}, ${time}`;
}

/** The "YYYY-MM-DD" date that the zone's calendar shows at the instant. */
export function toLocalIsoDate(date: Date, timeZone: string): string {
  const parts = formatter("PARTS", "en-US", timeZone).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((candidate) => candidate.type === type)?.value);
  return toIsoDate({ year: part("year"), month: part("month"), day: part("day") });
}

/** The partial-date string an edit form should show for a stored occurred date ("2019-11" for MONTH). */
export function toPartialDateInput(date: Date, precision: DatePrecision, timeZone: string): string {
  const isoDate = toLocalIsoDate(date, timeZone);
  if (precision === DatePrecision.YEAR) return isoDate.slice(0, 4);
  if (precision === DatePrecision.MONTH) return isoDate.slice(0, 7);
  return isoDate;
}

/** Formats a calendar date "YYYY-MM-DD" (no zone involved): "24 August 2027". */
export function formatIsoDate(isoDate: string, { locale = "en-GB" }: { locale?: string } = {}): string {
  // Read by its parts, not by Date's parser, which refuses years past 9999 ("10090-01-01").
  const match = /^(\d{4,6})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const midnight = new Date(utcMidnightOf({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }));
  if (Number.isNaN(midnight.getTime())) return isoDate;
  return formatter(DatePrecision.DAY, locale, "UTC").format(midnight);
}
