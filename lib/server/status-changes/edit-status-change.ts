import "server-only";
import { CITATION_REQUIRED_MESSAGE, type TEditStatusChange } from "../../schemas/status-change";
import { AppError } from "../errors";
import { assertSignedInCan, type TActor } from "../permissions";
import { isReviewRequired } from "../reviews/review-setting";
import { submitForReview, withdrawSubmission } from "../reviews/submit-for-review";
import { runWriteTransaction } from "../write-transaction";
import { applyEdit } from "./apply-edit";
import { assertCancellable, assertMayChangeDraft, assertStatusFits } from "./check-development";
import { statusChangeConflict } from "./conflict";
import { requireRevisionNote } from "./revision-note";
import { subjectOf } from "./status-change-record";
import { lockStatusChange } from "./status-change-record";

/**
 * Saves an edit of a draft or a published entry, refused with CONFLICT when the entry changed
 * since the form was opened at `input.version`. A published entry stays published and gains a
 * revision; a draft may be published by the same save. While two-person review is on, a
 * published entry's edit and a draft's publication are submitted for review instead (decision 034).
 */
export async function editStatusChange(actor: TActor, input: TEditStatusChange) {
  assertSignedInCan(actor, "status-change:edit");
  return runWriteTransaction(async (tx) => {
    const before = await lockStatusChange(tx, input.id);
    if (before.state === "RETRACTED") {
      throw await statusChangeConflict(tx, before, "This entry was retracted and can no longer be edited. Nothing of yours was saved.");
    }
    if (before.version !== input.version) throw await statusChangeConflict(tx, before);
    assertMayChangeDraft(actor, before);
    const wantsPublishing = before.state === "DRAFT" && input.intent === "publish";
    // A published entry's readers are told what changed and why (issue 12); a draft's edit is private.
    const why = before.state === "PUBLISHED" ? requireRevisionNote(input.note) : undefined;
    if (wantsPublishing) assertSignedInCan(actor, "status-change:publish");

    const subject = { ...subjectOf(before), id: (before.agreementId ?? before.measureId) as string };
    assertStatusFits(subject.kind, input.status);
    await assertCancellable(tx, subject, input.cancelsId, before.id);
    const isReviewed = await isReviewRequired(tx);
    const written = { subject: { kind: subject.kind, slug: subject.slug } };

    if (before.state === "PUBLISHED" && isReviewed) {
      // Citations are resolved (and new sources added) only when the correction is approved.
      if (input.citations.length === 0) throw new AppError("INVALID_INPUT", CITATION_REQUIRED_MESSAGE, { citations: [CITATION_REQUIRED_MESSAGE] });
      return submitForReview(tx, actor, before, { kind: "CORRECTION", proposal: input });
    }
    // An entry that changes is no longer what was submitted: its waiting submission is withdrawn.
    await withdrawSubmission(tx, actor, before.id);
    const after = await applyEdit(tx, actor, before, input, { isPublishing: wantsPublishing && !isReviewed, why });
    if (wantsPublishing && isReviewed) return submitForReview(tx, actor, after, { kind: "PUBLICATION" });
    return { id: after.id, state: after.state, version: after.version, ...written };
  });
}
