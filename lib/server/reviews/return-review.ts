import "server-only";
import type { TReturnReview } from "../../schemas/review";
import { recordAuditEvent } from "../audit/record-audit-event";
import { assertSignedInCan, type TActor } from "../permissions";
import { runWriteTransaction } from "../write-transaction";
import { assertMayReview } from "./approve-review";
import { assertWaiting, lockReview } from "./review-record";

/**
 * Returns a waiting submission to its author with a comment (decision 034): the entry is left as
 * it stood (a draft stays a draft, a published entry unchanged) and the author reads the comment
 * on the entry's desk page. The same people may return as may approve.
 */
export async function returnReview(actor: TActor, input: TReturnReview) {
  assertSignedInCan(actor, "review:decide");
  return runWriteTransaction(async (tx) => {
    const { review, entry } = await lockReview(tx, input.id);
    assertMayReview(actor, review, entry);
    assertWaiting(review, input.version);
    if (review.kind === "RETRACTION") assertSignedInCan(actor, "status-change:retract");
    const after = await tx.reviewRequest.update({
      where: { id: review.id },
      data: { state: "RETURNED", reviewerId: actor.id, reviewedAt: new Date(), comment: input.comment, version: { increment: 1 } },
      select: { id: true, kind: true, state: true, version: true },
    });
    await recordAuditEvent(tx, actor, {
      action: "review:return",
      entityType: "ReviewRequest",
      entityId: review.id,
      before: { state: "SUBMITTED", version: review.version },
      after: { state: "RETURNED", statusChangeId: entry.id, kind: review.kind, comment: input.comment },
    });
    return { id: entry.id, state: entry.state, version: entry.version, review: after };
  });
}
