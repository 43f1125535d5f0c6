import "server-only";
import { isRecordId } from "../../schemas/record-id";
import { Prisma } from "../../generated/prisma/client";
import { getDatabase } from "../db";
import { AppError } from "../errors";
import { historyEntriesSql, toReaderEntry, type TReaderEntry } from "../history-sql";
import { assertCan, type TActor } from "../permissions";
import { ZHistoryRow } from "../rows/history-row";
import { queryRows } from "../rows/parse-rows";

/** One published (or retracted) development with its subject and citations: its permanent address. Drafts are NOT_FOUND. */
export async function getPublishedChange(actor: TActor, id: string, now: Date = new Date()): Promise<TReaderEntry> {
  assertCan(actor, "published:read");
  if (!isRecordId(id)) throw new AppError("NOT_FOUND", "No development is recorded at this address.");
  const page = Prisma.sql`SELECT sc.* FROM "StatusChange" sc WHERE sc.id = ${id}::uuid AND sc.state IN ('PUBLISHED', 'RETRACTED')`;
  const rows = await queryRows(getDatabase(), ZHistoryRow, historyEntriesSql(page, "effective", now));
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "No development is recorded at this address.");
  return toReaderEntry(row);
}
