import { isValidCalendarDate, type CalendarDate } from "./calendar-date";
import { wallTimeToInstant } from "./zoned-time";
import type { TTimeAxis } from "./record-time";

// The `asOf` of a reading (decision 029): a date ("2019-11-22", the end of that day), a wall
// time ("2019-11-22T12:00", read in the page's zone) or an instant with its offset
// ("2019-11-22T12:00+09:00", "…Z"). Parsed here, resolved to an instant once the zone is known.

export type TAsOfText =
  | { kind: "date"; date: CalendarDate }
  | { kind: "wall"; date: CalendarDate; hour: number; minute: number; second: number }
  | { kind: "instant"; instant: Date };

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** The parsed asOf, or null when it is not one of the three forms (or not a real date and time). */
export function parseAsOf(text: string): TAsOfText | null {
  const match = PATTERN.exec(text);
  if (!match) return null;
  const [, y, mo, d, h, mi, s, zone] = match;
  const date = { year: Number(y), month: Number(mo), day: Number(d) };
  if (date.year < 1 || !isValidCalendarDate(date)) return null;
  if (h === undefined) return { kind: "date", date };
  const [hour, minute, second] = [Number(h), Number(mi), Number(s ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return null;
  if (zone === undefined) return { kind: "wall", date, hour, minute, second };
  if (zone !== "Z" && (Number(zone.slice(1, 3)) > 18 || Number(zone.slice(4)) > 59)) return null;
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? null : { kind: "instant", instant };
}

/** The instant an asOf names, reading dates and wall times in `timeZone` (a date: its last millisecond). */
export function resolveAsOf(asOf: TAsOfText, timeZone: string): Date {
  if (asOf.kind === "instant") return asOf.instant;
  if (asOf.kind === "wall") return wallTimeToInstant({ ...asOf.date, hour: asOf.hour, minute: asOf.minute, second: asOf.second }, timeZone);
  const next = new Date(Date.UTC(2000, 0, 1));
  next.setUTCFullYear(asOf.date.year, asOf.date.month - 1, asOf.date.day + 1);
  const start = wallTimeToInstant({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), hour: 0, minute: 0 }, timeZone);
  return new Date(start.getTime() - 1);
}

/** "Seoul time" for Asia/Seoul, "UTC" for UTC: how the banner names the zone. */
export function zoneLabel(timeZone: string): string {
  if (timeZone === "UTC" || timeZone === "Etc/UTC") return "UTC";
  const city = timeZone.split("/").pop() ?? timeZone;
  return `${city.replace(/_/g, " ")} time`;
}

/** "The record as it was known on 22 November 2019, 15:00 Seoul time" (or "as Pactwatch recorded it on …"). */
export function asOfHeadline(instant: Date, axis: TTimeAxis, timeZone: string): string {
  const day = new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "long", year: "numeric" }).format(instant);
  const time = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
  const lead = axis === "known" ? "The record as it was known on" : "The record as Pactwatch recorded it on";
  return `${lead} ${day}, ${time} ${zoneLabel(timeZone)}`;
}

/** The value for a datetime-local control: the instant's wall time in the zone ("2019-11-22T15:00"). */
export function wallTimeValue(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
