import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import { conflictError } from "../desk/conflict-error";
import { AppError } from "../errors";
import { ZLockedIdRow } from "../rows/locked-id-row";
import { parseRows } from "../rows/parse-rows";
import type { TTransaction } from "../write-transaction";

/** Every stored field of a source an admin sees, edits, and the audit log records. */
export const SOURCE_RECORD_SELECT = {
  id: true,
  url: true,
  title: true,
  publisher: true,
  authors: true,
  publishedAt: true,
  accessedAt: true,
  kind: true,
  language: true,
  reliability: true,
  reliabilityNote: true,
  archiveUrl: true,
  mergedIntoId: true,
  mergedAt: true,
  retiredAt: true,
  retiredReason: true,
  publisherGroup: true,
  syndicatedFromId: true,
  createdById: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.SourceSelect;

export type TSourceRecord = Prisma.SourceGetPayload<{ select: typeof SOURCE_RECORD_SELECT }>;

/** The source as the audit log keeps it (timestamps of the row itself left out). */
export function sourceSnapshot(source: TSourceRecord) {
  const { createdAt: _createdAt, updatedAt: _updatedAt, ...snapshot } = source;
  return snapshot;
}

/**
 * Locks a source row until the transaction ends and returns it; NOT_FOUND when there is none.
 * Every write to a source (and assertSourceCitable) takes this lock first, so a merge or a
 * retirement and a new citation of the same source happen one after the other.
 */
export async function lockSource(tx: TTransaction, id: string, mode: "update" | "share" = "update"): Promise<TSourceRecord> {
  const rows =
    mode === "update"
      ? parseRows(ZLockedIdRow, await tx.$queryRaw`SELECT "id" FROM "Source" WHERE "id" = ${id}::uuid FOR UPDATE`)
      : parseRows(ZLockedIdRow, await tx.$queryRaw`SELECT "id" FROM "Source" WHERE "id" = ${id}::uuid FOR SHARE`);
  if (rows.length === 0) throw new AppError("NOT_FOUND", "There is no such source: it may have been removed, or the link is wrong.");
  return tx.source.findUniqueOrThrow({ where: { id }, select: SOURCE_RECORD_SELECT });
}

/** Locks two sources in id order, so two merges of the same pair never deadlock. */
export async function lockSourcePair(tx: TTransaction, firstId: string, secondId: string): Promise<[TSourceRecord, TSourceRecord]> {
  const [low, high] = firstId < secondId ? [firstId, secondId] : [secondId, firstId];
  const lowRecord = await lockSource(tx, low);
  const highRecord = await lockSource(tx, high);
  return firstId === low ? [lowRecord, highRecord] : [highRecord, lowRecord];
}

/** The 409 of a save on a version of the source that is no longer current, with the current one in details. */
export function sourceConflict(tx: TTransaction, source: TSourceRecord, message?: string): Promise<AppError> {
  return conflictError(
    tx,
    { entityType: "Source", id: source.id, version: source.version, updatedAt: source.updatedAt, current: sourceSnapshot(source) },
    message,
  );
}

/** Refuses changes to a merged duplicate: it is a redirect now, and only an undo changes it. */
export function assertNotMerged(source: TSourceRecord): void {
  if (source.mergedIntoId) {
    throw new AppError("CONFLICT", "This source was merged into another and is now a redirect: undo the merge first, or change the source it was merged into.", {}, {
      mergedIntoId: source.mergedIntoId,
    });
  }
}
