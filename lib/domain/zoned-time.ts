import { boundedCache } from "./bounded-cache";
import type { CalendarDate } from "./calendar-date";

/** A local clock reading in some time zone, as written on a calendar and a wall clock. */
export interface WallTime extends CalendarDate {
  hour: number;
  minute: number;
  second?: number;
}

const DAY_IN_MILLISECONDS = 24 * 60 * 60 * 1000;

// Creating an Intl.DateTimeFormat is far slower than using one, and offsets are looked up often.
// "longOffset" prints just the zone's offset ("GMT+09:00", "GMT-00:01:15", "GMT" for zero), which
// formats about three times faster than the wall-clock fields and needs no date arithmetic.
// Bounded: zone names come from input ("asia/seoul" and "Asia/Seoul" are both valid keys).
const offsetFormatters = boundedCache<Intl.DateTimeFormat>(256);

function offsetFormatter(timeZone: string): Intl.DateTimeFormat {
  return offsetFormatters.get(timeZone, () => new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }));}

const LONG_OFFSET_PATTERN = /GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** Whether the string is an IANA time zone name the runtime knows ("Asia/Seoul", "UTC"). */
export function isValidTimeZone(timeZone: string): boolean {
  // Fixed offsets such as "+09:00" carry no daylight-saving rules and some runtimes reject them,
  // so entries must name a real zone.
  if (timeZone.trim() === "" || /^[+-]/.test(timeZone)) return false;
  try {
    offsetFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

// Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
function wallTimeAsUtcMilliseconds(wall: WallTime): number {
  const date = new Date(0);
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  date.setUTCHours(wall.hour, wall.minute, wall.second ?? 0, 0);
  return date.getTime();
}

function offsetMillisecondsAt(epochMilliseconds: number, timeZone: string): number {
  const text = offsetFormatter(timeZone).format(new Date(epochMilliseconds));
  const match = LONG_OFFSET_PATTERN.exec(text);
  if (!match) throw new RangeError(`Cannot read the UTC offset of ${timeZone} from "${text}".`);
  const [, sign, hours = "0", minutes = "0", seconds = "0"] = match;
  const magnitude = ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000;
  // The sign applies to the whole offset: "-00:01:15" is 75 seconds behind UTC, not ahead.
  return sign === "-" ? -magnitude : magnitude;
}

/**
 * The instant at which a wall clock in the zone shows the given local time.
 * Resolves like Temporal's "compatible" disambiguation: a time repeated when clocks go back
 * takes its earlier instant; a time skipped when clocks go forward moves forward by the gap
 * (02:30 on a 02:00→03:00 spring-forward day is 03:30), so a skipped midnight becomes the
 * first instant of that day.
 */
export function wallTimeToInstant(wall: WallTime, timeZone: string): Date {
  const naive = wallTimeAsUtcMilliseconds(wall);
  const offsetBefore = offsetMillisecondsAt(naive - DAY_IN_MILLISECONDS, timeZone);
  const offsetAfter = offsetMillisecondsAt(naive + DAY_IN_MILLISECONDS, timeZone);
  // No transition within a day either side (the usual case): the one offset is the answer.
  if (offsetBefore === offsetAfter) return new Date(naive - offsetBefore);
  const matching = [offsetBefore, offsetAfter]
    .map((offset) => naive - offset)
    .filter((instant) => offsetMillisecondsAt(instant, timeZone) === naive - instant);
  if (matching.length > 0) return new Date(Math.min(...matching));
  return new Date(naive - offsetBefore);
}

/** The instant at which the calendar date begins in the zone (normally local midnight). */
export function startOfLocalDay(date: CalendarDate, timeZone: string): Date {
  return wallTimeToInstant({ ...date, hour: 0, minute: 0 }, timeZone);
}
