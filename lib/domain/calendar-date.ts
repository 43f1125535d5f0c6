/** A calendar date with no time zone: month 1–12, day 1–31. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Number of days in the month, knowing Gregorian leap years (1900 is not one, 2000 is). */
export function daysInMonth(year: number, month: number): number {
  const isLeapYear = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && isLeapYear ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/** Whether year, month and day name a real day (no 31 April, 29 February only in leap years). */
export function isValidCalendarDate({ year, month, day }: CalendarDate): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Reads a strict "YYYY-MM-DD" string, or null when it is malformed or not a real day. */
export function parseIsoDate(text: string): CalendarDate | null {
  const match = ISO_DATE_PATTERN.exec(text);
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isValidCalendarDate(date) ? date : null;
}

/** Formats a calendar date as "YYYY-MM-DD". */
export function toIsoDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Adds calendar months with date-fns `addMonths` semantics: a day missing from the target month
 * clamps to its last day (31 January + 1 month = 28 or 29 February).
 */
export function addCalendarMonths(date: CalendarDate, months: number): CalendarDate {
  const monthCount = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(monthCount / 12);
  const month = monthCount - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

/** Milliseconds since the epoch at UTC midnight starting the date (Date.UTC misreads years 0–99). */
export function utcMidnightOf({ year, month, day }: CalendarDate): number {
  const midnight = new Date(0);
  midnight.setUTCFullYear(year, month - 1, day);
  return midnight.getTime();
}

/** Moves a calendar date by whole days (negative to go back), like date-fns `addDays` on a calendar. */
export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  // In UTC every day has 24 hours, so millisecond arithmetic is calendar arithmetic.
  const shifted = new Date(0);
  shifted.setUTCFullYear(date.year, date.month - 1, date.day + days);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}
