import "server-only";
import type { TMergeSources } from "../../schemas/admin-source";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors";
import { assertSignedInCan, type TActor } from "../permissions";
import { runWriteTransaction } from "../write-transaction";
import { SOURCE_RECORD_SELECT, lockSourcePair, sourceConflict, sourceSnapshot } from "./source-record";

/** What the audit event of a merge keeps, so that undoSourceMerge can put everything back. */
export type TMergeRecord = {
  targetId: string;
  mergedIntoId: string;
  mergedAt: string;
  /** Versions of both sources right after the merge: the undo checks neither has moved since. */
  version: number;
  targetVersion: number;
  movedCitationIds: string[];
  statusChangeIds: string[];
};

/**
 * Merges the duplicate `sourceId` into `targetId` in one transaction: every citation of the
 * duplicate moves to the target, and the duplicate stays as a redirect (mergedIntoId) to it.
 * Refused when either source changed since the admin compared them, when the duplicate is
 * already merged, or when the target is merged or retired.
 */
export async function mergeSources(actor: TActor, input: TMergeSources) {
  assertSignedInCan(actor, "source:merge");
  if (input.sourceId === input.targetId) throw new AppError("INVALID_INPUT", "A source cannot be merged into itself.");
  return runWriteTransaction(async (tx) => {
    // Locking both rows also holds off new citations of either (their foreign key waits on the lock).
    const [duplicate, target] = await lockSourcePair(tx, input.sourceId, input.targetId);
    if (duplicate.mergedIntoId) {
      throw new AppError("CONFLICT", "This source was already merged into another.", {}, { mergedIntoId: duplicate.mergedIntoId });
    }
    if (target.mergedIntoId) {
      throw new AppError("CONFLICT", "The source to keep was itself merged into another: merge into that one instead.", {}, {
        mergedIntoId: target.mergedIntoId,
      });
    }
    if (target.retiredAt) {
      throw new AppError("CONFLICT", "The source to keep is retired: restore it first, or keep the other source instead.");
    }
    if (duplicate.version !== input.sourceVersion) {
      throw await sourceConflict(tx, duplicate, "The duplicate changed after you compared the two sources. Nothing was merged: compare them again.");
    }
    if (target.version !== input.targetVersion) {
      throw await sourceConflict(tx, target, "The source to keep changed after you compared the two sources. Nothing was merged: compare them again.");
    }

    const citations = await tx.citation.findMany({
      where: { sourceId: duplicate.id },
      select: { id: true, statusChangeId: true },
      orderBy: { id: "asc" },
    });
    const movedCitationIds = citations.map((citation) => citation.id);
    if (movedCitationIds.length > 0) {
      await tx.citation.updateMany({ where: { id: { in: movedCitationIds } }, data: { sourceId: target.id } });
    }
    const mergedAt = new Date();
    const merged = await tx.source.update({
      where: { id: duplicate.id },
      data: { mergedIntoId: target.id, mergedAt, version: { increment: 1 } },
      select: SOURCE_RECORD_SELECT,
    });
    const kept = await tx.source.update({ where: { id: target.id }, data: { version: { increment: 1 } }, select: { id: true, version: true } });

    const record: TMergeRecord = {
      targetId: target.id,
      mergedIntoId: target.id,
      mergedAt: mergedAt.toISOString(),
      version: merged.version,
      targetVersion: kept.version,
      movedCitationIds,
      statusChangeIds: [...new Set(citations.map((citation) => citation.statusChangeId))],
    };
    await recordAuditEvent(tx, actor, { action: "source:merge", entityType: "Source", entityId: duplicate.id, before: sourceSnapshot(duplicate), after: record });
    await recordAuditEvent(tx, actor, {
      action: "source:absorb",
      entityType: "Source",
      entityId: target.id,
      before: { version: target.version },
      after: { version: kept.version, mergedSourceId: duplicate.id, movedCitationCount: movedCitationIds.length },
    });
    return { sourceId: duplicate.id, targetId: target.id, movedCitationCount: movedCitationIds.length };
  });
}
