import "server-only";
import { enqueueDevelopment } from "../subscriptions/enqueue-development";
import type { TLogStatusChange } from "../../schemas/status-change";
import { assertSignedInCan, type TActor } from "../permissions";
import { runWriteTransaction } from "../write-transaction";
import { assertCancellable, assertStatusFits, findSubject } from "./check-development";
import { resolveCitations } from "./resolve-citations";
import { insertLoggedChange } from "./insert-logged-change";
import { submitForReview } from "../reviews/submit-for-review";
import { lockStatusChange } from "./status-change-record";

/**
 * Logs a development against an agreement or a measure, as a draft or published at once, with
 * its citations. While two-person review is on, "publish" saves a draft and submits it (decision 034).
 */
export async function logStatusChange(actor: TActor, input: TLogStatusChange) {
  assertSignedInCan(actor, "status-change:log");
  const isPublishing = input.intent === "publish";
  if (isPublishing) assertSignedInCan(actor, "status-change:publish");

  return runWriteTransaction(async (tx) => {
    const subject = await findSubject(tx, input.subject);
    assertStatusFits(subject.kind, input.status);
    await assertCancellable(tx, subject, input.cancelsId);
    const citations = await resolveCitations(tx, actor, input.citations);
    const isSubmitting = isPublishing && subject.isReviewRequired;
    // The change, its citations, audit events and revision in one statement (decision 023).
    const created = await insertLoggedChange(tx, actor, subject, isSubmitting ? { ...input, intent: "draft" } : input, citations);
    if (isSubmitting) return submitForReview(tx, actor, await lockStatusChange(tx, created.id), { kind: "PUBLICATION" });
    if (created.state === "PUBLISHED") await enqueueDevelopment(tx, created.id, "PUBLISHED");
    return { id: created.id, state: created.state, version: created.version, subject: { kind: subject.kind, slug: subject.slug } };
  });
}
