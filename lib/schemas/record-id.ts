import { z } from "zod";

// Record ids are PostgreSQL uuids. Every id that arrives from outside (a path segment, a form's
// hidden field, a filter in a URL, a cursor) is checked here before it reaches a `::uuid` cast or
// a Prisma filter on a uuid column, where "------------------------------------" (36 dashes, which
// the older /^[0-9a-f-]{36}$/ checks let through) was a database error and so a 500.

/** A record id: the 8-4-4-4-12 hexadecimal form PostgreSQL stores and prints. */
export function recordId(message = "Not a record id: ids look like 0190a0a0-0000-7000-8000-000000000000") {
  return z.guid({ error: message });
}

export const ZRecordId = recordId();

/** Whether a path segment or field can name a record at all (if not, the record is simply not found). */
export function isRecordId(value: unknown): value is string {
  return ZRecordId.safeParse(value).success;
}
