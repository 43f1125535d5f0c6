import "server-only";
import type { TSubscriptionVersion } from "../../schemas/subscription";
import { recordAuditEvent } from "../audit/record-audit-event";
import { assertSignedInCan, type TActor } from "../permissions";
import { runWriteTransaction } from "../write-transaction";
import { assertSubscriptionVersion, lockOwnSubscription } from "./subscription-record";

/** Unsubscribes (from the account): nothing more is sent, its feed stops answering; the record stays. */
export async function endSubscription(actor: TActor, input: Pick<TSubscriptionVersion, "id"> & { version?: number }) {
  assertSignedInCan(actor, "subscription:manage-own");
  return runWriteTransaction(async (tx) => {
    const before = await lockOwnSubscription(tx, actor.id, input.id);
    if (before.endedAt) return { id: before.id, endedAt: before.endedAt, version: before.version };
    // Ending is final and the same whatever changed: the API ends without a version, a form checks the one it showed.
    if (input.version !== undefined) assertSubscriptionVersion(before, input.version);
    const after = await tx.subscription.update({
      where: { id: before.id },
      data: { endedAt: new Date(), feedTokenHash: null, version: { increment: 1 } },
      select: { id: true, endedAt: true, version: true },
    });
    await recordAuditEvent(tx, actor, { action: "subscription:unsubscribe", entityType: "Subscription", entityId: before.id, before, after: { ...after, by: "account" } });
    return after;
  });
}
