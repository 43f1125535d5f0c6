import "server-only";
import type { TApproveReview } from "../../schemas/review";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors";
import { assertSignedInCan, type TActor, type TSignedInActor } from "../permissions";
import { applyEdit } from "../status-changes/apply-edit";
import { assertCancellable, assertStatusFits } from "../status-changes/check-development";
import { statusChangeConflict } from "../status-changes/conflict";
import { applyPublication, assertPublishable } from "../status-changes/publish-status-change";
import { applyRetraction, assertRetractable } from "../status-changes/retract-status-change";
import { requireRevisionNote } from "../status-changes/revision-note";
import { subjectOf, type TStatusChangeRecord } from "../status-changes/status-change-record";
import { runWriteTransaction, type TTransaction } from "../write-transaction";
import { assertWaiting, lockReview, type TLockedReview } from "./review-record";
import { retractionReasonOf, reviveEditProposal } from "./review-proposal";

export const OWN_APPROVAL_MESSAGE = "You cannot approve your own submission: another analyst or an admin must review it.";

/**
 * Approves a waiting submission (decision 034): the change it proposed takes effect now, written
 * as its submitter's, with the reviewer recorded. Never by the submitter, nor by the author of a
 * draft submitted for publication (FORBIDDEN); CONFLICT when the entry moved since submission.
 */
export async function approveReview(actor: TActor, input: TApproveReview) {
  assertSignedInCan(actor, "review:decide");
  return runWriteTransaction(async (tx) => {
    const { review, entry } = await lockReview(tx, input.id);
    assertMayReview(actor, review, entry);
    assertWaiting(review, input.version);
    // Retracting takes the admin's permission, so approving a retraction does too.
    if (review.kind === "RETRACTION") assertSignedInCan(actor, "status-change:retract");
    if (entry.version !== review.entryVersion) {
      throw await statusChangeConflict(tx, entry, "The entry changed after this was submitted, so it is not what was submitted: return it to its author to resubmit.");
    }
    const submitter: TSignedInActor = review.submittedBy;
    const written = await applySubmission(tx, submitter, actor, review, entry);
    await tx.reviewRequest.update({ where: { id: review.id }, data: { state: "APPROVED", reviewerId: actor.id, reviewedAt: new Date(), version: { increment: 1 } } });
    await recordAuditEvent(tx, actor, {
      action: "review:approve",
      entityType: "ReviewRequest",
      entityId: review.id,
      before: { state: "SUBMITTED", version: review.version },
      after: { state: "APPROVED", statusChangeId: entry.id, kind: review.kind, entryVersion: written.version },
    });
    return { ...written, review: { id: review.id, kind: review.kind, state: "APPROVED" as const, version: review.version + 1 } };
  });
}

/** Who may decide a submission: anyone holding review:decide but its submitter (and a draft's author). */
export function assertMayReview(actor: TSignedInActor, review: Pick<TLockedReview, "submittedById" | "kind">, entry: Pick<TStatusChangeRecord, "authorId">): void {
  const isAuthor = review.submittedById === actor.id || (review.kind === "PUBLICATION" && entry.authorId === actor.id);
  if (isAuthor) throw new AppError("FORBIDDEN", OWN_APPROVAL_MESSAGE, {}, { rule: "review:not-own" });
}

async function applySubmission(tx: TTransaction, submitter: TSignedInActor, reviewer: TSignedInActor, review: TLockedReview, entry: TStatusChangeRecord) {
  if (review.kind === "PUBLICATION") {
    // Checked again: a schedule it cancels may have been retracted since.
    await assertPublishable(tx, submitter, entry, entry.version);
    return applyPublication(tx, submitter, entry, { reviewer });
  }
  if (review.kind === "RETRACTION") {
    await assertRetractable(tx, entry, entry.version);
    return applyRetraction(tx, submitter, entry, retractionReasonOf(review.proposal), { reviewer });
  }
  const edit = reviveEditProposal(review.proposal);
  if (entry.state !== "PUBLISHED") throw await statusChangeConflict(tx, entry, "This entry is no longer published, so the correction cannot apply: return it.");
  const subject = { ...subjectOf(entry), id: (entry.agreementId ?? entry.measureId) as string };
  assertStatusFits(subject.kind, edit.status);
  await assertCancellable(tx, subject, edit.cancelsId, entry.id);
  const after = await applyEdit(tx, submitter, entry, edit, { isPublishing: false, why: requireRevisionNote(edit.note), reviewer });
  return { id: after.id, state: after.state, version: after.version, subject: { kind: subject.kind, slug: subject.slug } };
}
