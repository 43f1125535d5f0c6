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

/** One read of a list filtered in the app after the database: what it kept, the last row read, whether the rows ran out. */
export type TFilteredRead<TItem> = { items: TItem[]; lastReadId?: string; isLastRead: boolean };

/**
 * A keyset page (by id) of a list whose rows the app filters after reading them (what stood at an
 * instant, where the test is not in SQL): batches of `limit + 1` rows after the cursor until the
 * page is full, at most `maxRounds` of them. A full page ends at its last item; out of rounds, a
 * short page still goes on from the last row read, so the cursor always moves on.
 */
export async function filteredIdPage<TItem extends { id: string }>(
  read: (after: string | undefined, take: number) => Promise<TFilteredRead<TItem>>,
  { cursor, limit, maxRounds }: { cursor?: string; limit: number; maxRounds: number },
): Promise<{ items: TItem[]; nextCursor: string | null }> {
  const found: TItem[] = [];
  let after = cursor;
  let nextCursor: string | null = null;
  for (let round = 0; round < maxRounds; round++) {
    const batch = await read(after, limit + 1);
    found.push(...batch.items);
    if (found.length > limit) return { items: found.slice(0, limit), nextCursor: found[limit - 1]!.id };
    if (batch.isLastRead) return { items: found, nextCursor: null };
    after = batch.lastReadId;
    nextCursor = after ?? null;
  }
  return { items: found, nextCursor };
}
