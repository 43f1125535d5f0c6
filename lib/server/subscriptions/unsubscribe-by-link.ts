import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { getAppEnv } from "../env";
import { AppError } from "../errors";
import { runWriteTransaction } from "../write-transaction";
import { isUnsubscribeToken } from "./unsubscribe-token";

/**
 * The one-click unsubscribe of a mail's link (RFC 8058), signed out: the token is an HMAC of this
 * subscription's id, so it ends this subscription and no other. NOT_FOUND for a wrong token, so
 * a guess learns nothing; a second click answers the first unsubscription.
 */
export async function unsubscribeByLink(subscriptionId: string, token: string) {
  if (!isUnsubscribeToken(getAppEnv().AUTH_SECRET, subscriptionId, token)) throw new AppError("NOT_FOUND", "This unsubscribe link is not valid: use the link of a message we sent you, or sign in and manage your subscriptions.");
  return runWriteTransaction(async (tx) => {
    const before = await tx.subscription.findUnique({ where: { id: subscriptionId }, select: { id: true, endedAt: true, version: true } });
    if (!before) throw new AppError("NOT_FOUND", "This subscription no longer exists.");
    if (before.endedAt) return { id: before.id, endedAt: before.endedAt };
    const after = await tx.subscription.update({ where: { id: before.id }, data: { endedAt: new Date(), feedTokenHash: null, version: { increment: 1 } }, select: { id: true, endedAt: true, version: true } });
    await recordAuditEvent(tx, null, { action: "subscription:unsubscribe", entityType: "Subscription", entityId: before.id, before, after: { ...after, by: "link" } });
    return { id: after.id, endedAt: after.endedAt };
  });
}
