import { z } from "zod";

// Instants that cross a boundary (a cursor, a filter in a URL, a computed effective time) stay
// within years 1 to 9999: what PostgreSQL's timestamptz, JavaScript's ISO strings ("+010000-…"
// past 9999) and the pages' date formatting all agree on. "0000-01-01" is a valid ISO string and
// a JavaScript Date, but PostgreSQL has no year 0 and refused it with an error (a 500).

export const EARLIEST_INSTANT = new Date("0001-01-01T00:00:00.000Z");
export const LATEST_INSTANT = new Date("9999-12-31T23:59:59.999Z");

export const INSTANT_RANGE_MESSAGE = "Dates and times must lie between the years 1 and 9999";

/** Whether an instant is a valid Date between the years 1 and 9999 (UTC). */
export function isInstantInRange(instant: Date): boolean {
  const time = instant.getTime();
  return !Number.isNaN(time) && time >= EARLIEST_INSTANT.getTime() && time <= LATEST_INSTANT.getTime();
}

/** An ISO 8601 instant ("2019-11-22T15:00:00.000Z") within the years 1 to 9999, as a Date. */
export const ZIsoInstant = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value))
  .refine(isInstantInRange, INSTANT_RANGE_MESSAGE);
