import "server-only";
import type { TPublishStatusChange } from "../../schemas/status-change";
import { assertSignedInCan, type TActor } from "../permissions";
import { assertPublishable } from "../status-changes/publish-status-change";
import { lockStatusChange } from "../status-changes/status-change-record";
import { runWriteTransaction } from "../write-transaction";
import { submitForReview } from "./submit-for-review";

/**
 * Submits a draft for review as it stands, whether or not review is required: a script (or an
 * analyst who wants a second reader) asks for it explicitly. Publishing happens on approval.
 */
export async function submitStatusChange(actor: TActor, input: TPublishStatusChange) {
  assertSignedInCan(actor, "status-change:publish");
  return runWriteTransaction(async (tx) => {
    const before = await lockStatusChange(tx, input.id);
    await assertPublishable(tx, actor, before, input.version);
    return submitForReview(tx, actor, before, { kind: "PUBLICATION" });
  });
}
