import "server-only";
import { enqueueDevelopment } from "../subscriptions/enqueue-development";
import type { TRetractStatusChange } from "../../schemas/status-change";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors";
import { assertSignedInCan, type TActor, type TSignedInActor } from "../permissions";
import { recordRevision } from "../revisions/record-revision";
import { isReviewRequired } from "../reviews/review-setting";
import { submitForReview, withdrawSubmission } from "../reviews/submit-for-review";
import { runWriteTransaction, type TTransaction } from "../write-transaction";
import { statusChangeConflict } from "./conflict";
import { STATUS_CHANGE_RECORD_SELECT, lockStatusChange, snapshotOf, subjectOf, type TStatusChangeRecord } from "./status-change-record";

/**
 * Retracts a published entry (admins): it stays in the history marked "retracted on … by …
 * because …" and stops counting for the current status. Nothing is deleted. While two-person
 * review is on, the retraction is submitted and takes effect on approval (decision 034).
 */
export async function retractStatusChange(actor: TActor, input: TRetractStatusChange) {
  assertSignedInCan(actor, "status-change:retract");
  return runWriteTransaction(async (tx) => {
    const before = await lockStatusChange(tx, input.id);
    await assertRetractable(tx, before, input.version);
    if (await isReviewRequired(tx)) return submitForReview(tx, actor, before, { kind: "RETRACTION", proposal: { reason: input.reason } });
    // Retracted directly (review switched off since): a waiting submission would only go stale.
    await withdrawSubmission(tx, actor, before.id);
    return applyRetraction(tx, actor, before, input.reason);
  });
}

/** A locked entry may be retracted at `version`: published, and unchanged since it was read. */
export async function assertRetractable(tx: TTransaction, before: TStatusChangeRecord, version: number): Promise<void> {
  if (before.state === "DRAFT") {
    throw new AppError("CONFLICT", "Only published entries can be retracted: a draft was never public.");
  }
  if (before.state === "RETRACTED") throw await statusChangeConflict(tx, before, "This entry was already retracted.");
  if (before.version !== version) {
    throw await statusChangeConflict(tx, before, "Someone saved this entry after you opened it: read their version before retracting it.");
  }
}

/** Retracts a locked, published entry by `actor` (who asked for it); `review.reviewer` approved it under review. */
export async function applyRetraction(tx: TTransaction, actor: TSignedInActor, before: TStatusChangeRecord, reason: string, review?: { reviewer: TSignedInActor }) {
  const { count } = await tx.statusChange.updateMany({
    where: { id: before.id, version: before.version, state: "PUBLISHED" },
    data: {
      state: "RETRACTED",
      retractedAt: new Date(),
      retractedById: actor.id,
      retractionReason: reason,
      version: { increment: 1 },
    },
  });
  if (count !== 1) throw await statusChangeConflict(tx, await lockStatusChange(tx, before.id));
  const after = await tx.statusChange.findUniqueOrThrow({ where: { id: before.id }, select: STATUS_CHANGE_RECORD_SELECT });
  const snapshot = snapshotOf(after);
  await recordAuditEvent(tx, review?.reviewer ?? actor, {
    action: "status-change:retract",
    entityType: "StatusChange",
    entityId: after.id,
    before: snapshotOf(before),
    after: snapshot,
  });
  const why = { kind: "RETRACTION" as const, correctionType: null, reason };
  await recordRevision(tx, actor, { entityType: "StatusChange", entityId: after.id, version: after.version, snapshot, why, reviewerId: review?.reviewer.id });
  await enqueueDevelopment(tx, after.id, "RETRACTED");
  const subject = subjectOf(after);
  return { id: after.id, state: after.state, version: after.version, subject: { kind: subject.kind, slug: subject.slug } };
}
