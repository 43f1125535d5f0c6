import "server-only";
import { enqueueDevelopment } from "../subscriptions/enqueue-development";
import { CITATION_REQUIRED_MESSAGE, type TPublishStatusChange } from "../../schemas/status-change";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors";
import { assertSignedInCan, type TActor, type TSignedInActor } from "../permissions";
import { recordRevision } from "../revisions/record-revision";
import { isReviewRequired } from "../reviews/review-setting";
import { submitForReview, withdrawSubmission } from "../reviews/submit-for-review";
import { runWriteTransaction, type TTransaction } from "../write-transaction";
import { assertCancellable, assertMayChangeDraft } from "./check-development";
import { statusChangeConflict } from "./conflict";
import { STATUS_CHANGE_RECORD_SELECT, lockStatusChange, snapshotOf, subjectOf, type TStatusChangeRecord } from "./status-change-record";

/**
 * Publishes a draft as it stands: it must cite at least one source and still be at `input.version`.
 * While two-person review is on, the draft is submitted for review instead (decision 034).
 */
export async function publishStatusChange(actor: TActor, input: TPublishStatusChange) {
  assertSignedInCan(actor, "status-change:publish");
  return runWriteTransaction(async (tx) => {
    const before = await lockStatusChange(tx, input.id);
    await assertPublishable(tx, actor, before, input.version);
    if (await isReviewRequired(tx)) return submitForReview(tx, actor, before, { kind: "PUBLICATION" });
    // Published directly (review switched off since): a waiting submission would only go stale.
    await withdrawSubmission(tx, actor, before.id);
    return applyPublication(tx, actor, before);
  });
}

/** A locked draft may be published (or submitted) by the actor at `version`: otherwise CONFLICT, FORBIDDEN or INVALID_INPUT. */
export async function assertPublishable(tx: TTransaction, actor: TSignedInActor, before: TStatusChangeRecord, version: number): Promise<void> {
  if (before.state !== "DRAFT") {
    throw await statusChangeConflict(tx, before, before.state === "PUBLISHED" ? "This entry is already published." : "This entry was retracted.");
  }
  if (before.version !== version) throw await statusChangeConflict(tx, before);
  assertMayChangeDraft(actor, before);
  assertPublishableContent(before);
  // A draft may name a schedule that was retracted since it was written.
  await assertCancellable(tx, { ...subjectOf(before), id: (before.agreementId ?? before.measureId) as string }, before.cancelsId, before.id);
}

function assertPublishableContent(before: TStatusChangeRecord): void {
  if (before.citations.length === 0) throw new AppError("INVALID_INPUT", CITATION_REQUIRED_MESSAGE, { citations: [CITATION_REQUIRED_MESSAGE] });
}

/**
 * Publishes a locked draft: the write, its audit event, its revision and the subscribers' fan-out.
 * `reviewerId` is the account that approved it under two-person review (the audit's actor then).
 */
export async function applyPublication(tx: TTransaction, actor: TSignedInActor, before: TStatusChangeRecord, review?: { reviewer: TSignedInActor }) {
  const { count } = await tx.statusChange.updateMany({
    where: { id: before.id, version: before.version, state: "DRAFT" },
    data: { state: "PUBLISHED", publishedAt: new Date(), version: { increment: 1 }, reviewedById: review?.reviewer.id ?? null },
  });
  if (count !== 1) throw await statusChangeConflict(tx, await lockStatusChange(tx, before.id));
  const after = await tx.statusChange.findUniqueOrThrow({ where: { id: before.id }, select: STATUS_CHANGE_RECORD_SELECT });
  const snapshot = snapshotOf(after);
  await recordAuditEvent(tx, review?.reviewer ?? actor, {
    action: "status-change:publish",
    entityType: "StatusChange",
    entityId: after.id,
    before: snapshotOf(before),
    after: snapshot,
  });
  await recordRevision(tx, actor, { entityType: "StatusChange", entityId: after.id, version: after.version, snapshot, reviewerId: review?.reviewer.id });
  // Subscribers hear of it when it is public: on approval under review, never on submission.
  await enqueueDevelopment(tx, after.id, "PUBLISHED");
  const subject = subjectOf(after);
  return { id: after.id, state: after.state, version: after.version, subject: { kind: subject.kind, slug: subject.slug } };
}
