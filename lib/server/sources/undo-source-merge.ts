import "server-only";
import type { TUndoSourceMerge } from "../../schemas/admin-source";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors";
import { assertSignedInCan, type TActor } from "../permissions";
import { runWriteTransaction, type TTransaction } from "../write-transaction";
import type { TMergeRecord } from "./merge-sources";
import { lockSourcePair } from "./source-record";

/** The audit record of the merge that made the source a redirect, if it is still the latest one. */
export async function findMergeRecord(tx: TTransaction, sourceId: string): Promise<TMergeRecord | null> {
  const event = await tx.auditEvent.findFirst({
    where: { action: "source:merge", entityType: "Source", entityId: sourceId },
    orderBy: { id: "desc" },
    select: { after: true },
  });
  const record = event?.after as TMergeRecord | null | undefined;
  return record && typeof record.targetId === "string" && Array.isArray(record.movedCitationIds) ? record : null;
}

/** Why a merge can no longer be undone, or null when it can; `duplicate` is the merged source. */
export async function undoBlocker(
  tx: TTransaction,
  duplicate: { id: string; version: number; mergedIntoId: string | null },
  target: { id: string; version: number } | null,
): Promise<string | null> {
  if (!duplicate.mergedIntoId) return "This source is not merged into another.";
  const record = await findMergeRecord(tx, duplicate.id);
  if (!record || record.targetId !== duplicate.mergedIntoId || !target) return "The record of this merge was not found, so it cannot be undone here.";
  if (duplicate.version !== record.version || target.version !== record.targetVersion) {
    return "One of the two sources changed after the merge (edited, graded, retired, or another source merged in), so the merge can no longer be undone.";
  }
  const stillMoved = await tx.citation.count({ where: { id: { in: record.movedCitationIds }, sourceId: target.id } });
  if (stillMoved !== record.movedCitationIds.length) {
    return `${record.movedCitationIds.length - stillMoved} of the citations the merge moved were edited or removed since, so the merge can no longer be undone.`;
  }
  return null;
}

/**
 * Undoes a merge while neither source has changed since: the moved citations go back to the
 * duplicate, which becomes a source of its own again. Citations added to the kept source after
 * the merge stay with it.
 */
export async function undoSourceMerge(actor: TActor, input: TUndoSourceMerge) {
  assertSignedInCan(actor, "source:merge");
  return runWriteTransaction(async (tx) => {
    const probe = await tx.source.findUnique({ where: { id: input.sourceId }, select: { mergedIntoId: true } });
    if (!probe) throw new AppError("NOT_FOUND", "There is no such source.");
    if (!probe.mergedIntoId) throw new AppError("CONFLICT", "This source is not merged into another.");
    const [duplicate, target] = await lockSourcePair(tx, input.sourceId, probe.mergedIntoId);
    const blocker = await undoBlocker(tx, duplicate, duplicate.mergedIntoId === target.id ? target : null);
    if (blocker) throw new AppError("CONFLICT", blocker);
    const record = (await findMergeRecord(tx, duplicate.id))!;

    if (record.movedCitationIds.length > 0) {
      await tx.citation.updateMany({ where: { id: { in: record.movedCitationIds }, sourceId: target.id }, data: { sourceId: duplicate.id } });
    }
    const restored = await tx.source.update({
      where: { id: duplicate.id },
      data: { mergedIntoId: null, mergedAt: null, version: { increment: 1 } },
      select: { id: true, version: true },
    });
    const kept = await tx.source.update({ where: { id: target.id }, data: { version: { increment: 1 } }, select: { id: true, version: true } });
    await recordAuditEvent(tx, actor, {
      action: "source:merge-undo",
      entityType: "Source",
      entityId: duplicate.id,
      before: { mergedIntoId: target.id, mergedAt: record.mergedAt, version: duplicate.version },
      after: { mergedIntoId: null, version: restored.version, returnedCitationIds: record.movedCitationIds },
    });
    await recordAuditEvent(tx, actor, {
      action: "source:absorb-undo",
      entityType: "Source",
      entityId: target.id,
      before: { version: target.version },
      after: { version: kept.version, separatedSourceId: duplicate.id, returnedCitationCount: record.movedCitationIds.length },
    });
    return { sourceId: duplicate.id, targetId: target.id, returnedCitationCount: record.movedCitationIds.length };
  });
}
