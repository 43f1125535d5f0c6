import { boundedCache } from "./bounded-cache";
import { addCalendarDays, toIsoDate, type CalendarDate } from "./calendar-date";
import { wallTimeToInstant, type WallTime } from "./zoned-time";

// When a subscription's scheduled messages are due (decision 035): a deadline's reminder N
// calendar days before it, and the daily digest at the subscriber's local hour. Pure: the
// planner and the digest job pass their clock in.

const wallFormatters = boundedCache<Intl.DateTimeFormat>(256);

/** The wall clock in `timeZone` at `instant` (to the minute). */
export function wallTimeAt(instant: Date, timeZone: string): WallTime {
  const formatter = wallFormatters.get(timeZone, () => new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric" }));
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, part.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute) };
}

/**
 * The instant `days` calendar days before `deadline`, at the same wall time in `timeZone`
 * (a deadline at local midnight is reminded of at local midnight, across daylight-saving changes).
 */
export function daysBefore(deadline: Date, days: number, timeZone: string): Date {
  const wall = wallTimeAt(deadline, timeZone);
  const seconds = deadline.getUTCSeconds() * 1000 + deadline.getUTCMilliseconds();
  return new Date(wallTimeToInstant({ ...addCalendarDays(wall, -days), hour: wall.hour, minute: wall.minute }, timeZone).getTime() + seconds);
}

export type TDigestSlot = {
  /** The first instant strictly after `now` at which the local clock shows `hour`:00. */
  scheduledAt: Date;
  /** Its local calendar day, "YYYY-MM-DD": one digest per (subscription, local day). */
  localDay: string;
};

/**
 * The digest a delivery recorded at `now` belongs to: the next `hour`:00 in `timeZone`. A
 * delivery recorded at exactly that instant waits for the next day's, since that day's digest is
 * being made as it is recorded.
 */
export function nextDigestSlot(now: Date, hour: number, timeZone: string): TDigestSlot {
  const today: CalendarDate = wallTimeAt(now, timeZone);
  for (const offset of [0, 1, 2]) {
    const day = addCalendarDays(today, offset);
    const scheduledAt = wallTimeToInstant({ ...day, hour, minute: 0 }, timeZone);
    if (scheduledAt.getTime() > now.getTime()) return { scheduledAt, localDay: toIsoDate(day) };
  }
  // Unreachable: the same hour two local days on is always later than now.
  throw new RangeError(`No digest hour ${hour} after ${now.toISOString()} in ${timeZone}.`);
}
