import "server-only";
import { isRecordId } from "../../schemas/record-id";
import { Prisma } from "../../generated/prisma/client";
import { readDatabase } from "../read-database";
import { AppError } from "../errors";
import { historyEntriesSql, toReaderEntry, type TReaderEntry } from "../history-sql";
import { assertCan, type TActor } from "../permissions";
import { ZHistoryRow } from "../rows/history-row";
import { queryRows } from "../rows/parse-rows";
import { asOfChangesSql, resolveAsOfInput, type TAsOf } from "../as-of-sql";
import type { TAsOfQuery } from "../../schemas/as-of";

/**
 * One published (or retracted) development with its subject and citations: its permanent address.
 * Drafts are NOT_FOUND. As of an instant: the version that stood then (decision 029), NOT_FOUND
 * when none did (not yet known or recorded, or already retracted).
 */
export async function getPublishedChange(actor: TActor, id: string, now: Date = new Date(), asOfOrQuery?: TAsOf | Partial<TAsOfQuery>): Promise<TReaderEntry & { asOf?: TAsOf }> {
  assertCan(actor, "published:read");
  if (!isRecordId(id)) throw new AppError("NOT_FOUND", "No development is recorded at this address.");
  const database = await readDatabase(actor);
  const asOf = await resolveChangeAsOf(database, id, asOfOrQuery);
  const page = asOf
    ? Prisma.sql`SELECT sc.* FROM (${asOfChangesSql(asOf)}) sc WHERE sc.id = ${id}::uuid`
    : Prisma.sql`SELECT sc.* FROM "StatusChange" sc WHERE sc.id = ${id}::uuid AND sc.state IN ('PUBLISHED', 'RETRACTED')`;
  const rows = await queryRows(database, ZHistoryRow, historyEntriesSql(page, "effective", asOf?.instant ?? now, asOf));
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", asOf ? "This development was not on the record at that instant." : "No development is recorded at this address.");
  return { ...toReaderEntry(row), asOf };
}

/** A query's date or wall time is read in the development's own zone, known once the development is read (decision 029). */
async function resolveChangeAsOf(database: Awaited<ReturnType<typeof readDatabase>>, id: string, asOfOrQuery?: TAsOf | Partial<TAsOfQuery>): Promise<TAsOf | undefined> {
  const needsZone = asOfOrQuery !== undefined && !("instant" in asOfOrQuery) && asOfOrQuery.asOf !== undefined && asOfOrQuery.asOf.kind !== "instant";
  const zone = needsZone ? ((await database.statusChange.findUnique({ where: { id }, select: { timeZone: true } }))?.timeZone ?? "UTC") : "UTC";
  return resolveAsOfInput(asOfOrQuery, zone);
}
