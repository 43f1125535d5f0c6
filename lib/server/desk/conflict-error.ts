import "server-only";
import { AppError } from "../errors";
import { ZLockedIdRow } from "../rows/locked-id-row";
import { parseRows } from "../rows/parse-rows";
import type { TTransaction } from "../write-transaction";

export const CONFLICT_MESSAGE = "Someone else saved this after you opened it. Nothing of yours was saved: compare the two versions below.";

/** Who saved an entity last, from the audit log. */
export async function lastSavedBy(tx: TTransaction, entityType: string, entityId: string): Promise<string | null> {
  const event = await tx.auditEvent.findFirst({
    where: { entityType, entityId },
    orderBy: { id: "desc" },
    select: { actor: { select: { name: true } } },
  });
  return event?.actor?.name ?? null;
}

/**
 * The 409 of a save made on a version that is no longer current. details.current holds their
 * version as the form's values, so the conflict page can show it beside yours; nothing is written.
 */
export async function conflictError(
  tx: TTransaction,
  entity: { entityType: string; id: string; version: number; updatedAt: Date; current: unknown; extra?: Record<string, unknown> },
  message: string = CONFLICT_MESSAGE,
): Promise<AppError> {
  return new AppError("CONFLICT", message, {}, {
    current: entity.current,
    currentVersion: entity.version,
    savedAt: entity.updatedAt.toISOString(),
    savedBy: await lastSavedBy(tx, entity.entityType, entity.id),
    ...entity.extra,
  });
}

/** Locks one row of a table by a unique column until the transaction ends; false when there is none. */
export async function lockRow(tx: TTransaction, table: "Agreement" | "TradeMeasure" | "Party", column: "slug" | "code", value: string): Promise<boolean> {
  // Table and column names come from the literal types above, never from input.
  const rows = parseRows(ZLockedIdRow, await tx.$queryRawUnsafe(`SELECT "id" FROM "${table}" WHERE "${column}" = $1 FOR NO KEY UPDATE`, value));
  return rows.length > 0;
}
