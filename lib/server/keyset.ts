import "server-only";
import { z } from "zod";
import { ZIsoInstant } from "../schemas/instant";
import { hasNul } from "../schemas/text";
import { AppError } from "./errors";

// Keyset ("cursor") pagination: a page ends with the sort key of its last row, and the next page
// starts strictly after it. The cursor is that key, opaque to readers (base64url JSON), so a deep
// page costs what the first one does: an index range scan from the key, never an OFFSET.

/** The values of a row's sort key, in order. */
export type TKeyValues = readonly (string | number | null)[];

/** Encodes a sort key as an opaque cursor. */
export function encodeCursor(values: TKeyValues): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

// A forged cursor is input like any other: a NUL inside one of its strings would reach a query.
function holdsNul(value: unknown): boolean {
  if (typeof value === "string") return hasNul(value);
  return Array.isArray(value) && value.some(holdsNul);
}

/**
 * Decodes a cursor against the shape the list expects; a tampered or stale one is INVALID_INPUT.
 * Schemas read instants with ZCursorInstant and ids with ZRecordId, so what comes out is in range
 * for the database (no year 0000, no 36 dashes for a uuid).
 */
export function decodeCursor<T>(cursor: string, schema: z.ZodType<T>): T {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    const parsed = holdsNul(value) ? null : schema.safeParse(value);
    if (parsed?.success) return parsed.data;
  } catch {
    // falls through to the error below
  }
  throw new AppError("INVALID_INPUT", "The page cursor is not valid for this list: start again from the first page.", { cursor: ["not a cursor of this list"] });
}

/** An ISO instant inside a cursor, as a Date within the years 1 to 9999. */
export const ZCursorInstant = ZIsoInstant;

/** Splits one extra fetched row off a page: more rows exist exactly when it is there. */
export function splitPage<T>(rows: T[], limit: number, keyOf: (row: T) => TKeyValues): { items: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  return { items, nextCursor: encodeCursor(keyOf(items[items.length - 1]!)) };
}
