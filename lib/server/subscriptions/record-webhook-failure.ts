import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { getDatabase } from "../db";
import { getDeliveryEnv } from "../env";
import { runWriteTransaction } from "../write-transaction";
import type { TDeliveryRecord } from "./delivery-record";
import { sendMail } from "./mail-transport";
import { publicOrigin } from "./delivery-links";
import type { TWebhookOutcome } from "./webhook";

/**
 * Records a failed webhook attempt in the delivery log; after WEBHOOK_PAUSE_AFTER_FAILURES in a
 * row the subscription is paused and its owner told by mail (once, as it pauses).
 */
export async function recordWebhookFailure(delivery: TDeliveryRecord, outcome: Extract<TWebhookOutcome, { ok: false }>, isLastAttempt: boolean): Promise<void> {
  const limit = getDeliveryEnv().WEBHOOK_PAUSE_AFTER_FAILURES;
  const paused = await runWriteTransaction(async (tx) => {
    await tx.delivery.update({
      where: { id: delivery.id },
      // The call failed: the lease is given back, so the retry need not wait out the expiry (decision 039).
      data: { lastError: outcome.error, lastResponse: outcome.status, sendingSince: null, ...(isLastAttempt ? { state: "FAILED" as const } : {}) },
    });
    const subscription = await tx.subscription.update({
      where: { id: delivery.subscriptionId },
      data: { consecutiveFailures: { increment: 1 } },
      select: { consecutiveFailures: true, pausedAt: true },
    });
    await recordAuditEvent(tx, null, { action: "delivery:attempt-failed", entityType: "Delivery", entityId: delivery.id, after: { error: outcome.error, status: outcome.status, isLastAttempt } });
    if (subscription.pausedAt || subscription.consecutiveFailures < limit) return false;
    await tx.subscription.update({ where: { id: delivery.subscriptionId }, data: { pausedAt: new Date(), version: { increment: 1 } } });
    await recordAuditEvent(tx, null, { action: "subscription:pause", entityType: "Subscription", entityId: delivery.subscriptionId, after: { consecutiveFailures: subscription.consecutiveFailures } });
    return true;
  });
  if (!paused) return;
  const { email } = delivery.subscription.user;
  const text = [
    `Your Pactwatch webhook ${delivery.subscription.webhookUrl} failed ${limit} times in a row and is paused.`,
    `The last error: ${outcome.error}`,
    "",
    `Nothing more is sent to it until you resume it at ${publicOrigin()}/account/subscriptions (pending deliveries are sent then).`,
  ].join("\n");
  const mail = { toAddress: email, subject: "Pactwatch: your webhook is paused", textBody: text, htmlBody: `<p>${text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/\n/g, "<br>")}</p>`, messageId: `pause-${delivery.subscriptionId}-${Date.now()}@pactwatch` };
  const transport = await sendMail({ to: email, subject: mail.subject, text: mail.textBody, html: mail.htmlBody, messageId: mail.messageId });
  await getDatabase().mailMessage.create({ data: { ...mail, userId: delivery.subscription.userId, transport } });
}
