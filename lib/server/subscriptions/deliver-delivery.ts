import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { getDatabase } from "../db";
import { runWriteTransaction } from "../write-transaction";
import { claimSendingLease, releaseSendingLease } from "./delivery-lease";
import { deliveryLinks } from "./delivery-links";
import { deliveryMail, deliveryPayload } from "./delivery-message";
import { describeDelivery } from "./delivery-story";
import { DELIVERY_RECORD_SELECT, type TDeliveryRecord } from "./delivery-record";
import { sendMail } from "./mail-transport";
import { recordWebhookFailure } from "./record-webhook-failure";
import { recordWhenBack } from "./record-when-back";
import { postWebhook } from "./webhook";

/** Thrown for a failed attempt that the queue should retry later (with backoff). */
export class RetryLaterError extends Error {
  override name = "RetryLaterError";
}

export type TAttempt = { isLastAttempt: boolean };

/**
 * The delivery job: sends one Delivery once. A delivery already SENT is skipped, so a job run
 * again after its worker died sends nothing twice; an outbox mail is written in the transaction
 * that marks it sent. A mail or webhook that left just before a worker died is sent again with
 * the same Message-ID / Pactwatch-Delivery id, by which the receiver recognises it. An attempt
 * sends only under its sending lease (delivery-lease.ts), and records what left for as long as
 * it runs (recordWhenBack): decision 039 says which cases that makes exactly-once.
 */
export async function deliverDelivery(deliveryId: string, attempt: TAttempt): Promise<"sent" | "skipped" | "paused"> {
  const delivery = await getDatabase().delivery.findUnique({ where: { id: deliveryId }, select: DELIVERY_RECORD_SELECT });
  // A delivery collected into a daily digest is sent by the digest job (deliver-digest.ts).
  if (!delivery || delivery.state !== "PENDING" || delivery.digestId) return "skipped";
  const { subscription } = delivery;
  if (subscription.endedAt || subscription.user.disabledAt) {
    await finish(delivery, "FAILED", "The subscription ended before this was sent.");
    return "skipped";
  }
  // A paused webhook keeps its deliveries pending; resuming it enqueues them again.
  if (subscription.pausedAt) return "paused";
  // Another attempt is sending or recording it: never two sends at once (decision 039).
  if (!(await claimSendingLease(delivery.id))) throw new RetryLaterError("An earlier attempt is still sending this delivery: tried again later.");
  const links = deliveryLinks(subscription.id);
  const story = describeDelivery(delivery);

  if (subscription.channel === "EMAIL") {
    const mail = deliveryMail(story, links);
    const messageId = `delivery-${delivery.id}@pactwatch`;
    const transport = await sendMail({ to: subscription.user.email, ...mail, messageId, unsubscribeUrl: links.oneClick }).catch(async (error: unknown) => {
      // Refused or unreachable: nothing left, so the retry may send at once.
      await releaseSendingLease(delivery.id).catch(() => {});
      throw error;
    });
    await recordWhenBack(() => finish(delivery, "SENT", null, { userId: subscription.userId, messageId, toAddress: subscription.user.email, subject: mail.subject, textBody: mail.text, htmlBody: mail.html, transport }));
    return "sent";
  }
  if (subscription.channel === "WEBHOOK") {
    // A backup restored without secrets has no signing key: an unsigned call would be worthless.
    const outcome = subscription.webhookSecret
      ? await postWebhook(subscription.webhookUrl!, subscription.webhookSecret, delivery.id, deliveryPayload(delivery, story, links))
      : ({ ok: false, status: null, error: "This webhook has no signing key (restored from a backup without secrets): subscribe it again." } as const);
    if (!outcome.ok) {
      await recordWebhookFailure(delivery, outcome, attempt.isLastAttempt);
      throw new RetryLaterError(outcome.error);
    }
    await recordWhenBack(() => finish(delivery, "SENT", null, undefined, outcome.status));
    return "sent";
  }
  // A feed subscription's deliveries are its feed's entries: recorded is delivered.
  await finish(delivery, "SENT", null);
  return "sent";
}

type TMailRow = { userId: string; messageId: string; toAddress: string; subject: string; textBody: string; htmlBody: string; transport: string };

async function finish(delivery: TDeliveryRecord, state: "SENT" | "FAILED", error: string | null, mail?: TMailRow, response?: number) {
  await runWriteTransaction(async (tx) => {
    const { count } = await tx.delivery.updateMany({
      where: { id: delivery.id, state: "PENDING" },
      data: { state, lastError: error, sentAt: state === "SENT" ? new Date() : null, ...(response ? { lastResponse: response } : {}) },
    });
    // Another worker finished it first (a job retried while the first attempt was still running).
    if (count === 0) return;
    if (mail) await tx.mailMessage.upsert({ where: { deliveryId: delivery.id }, create: { ...mail, deliveryId: delivery.id }, update: {} });
    if (state === "SENT" && delivery.subscription.channel === "WEBHOOK") {
      await tx.subscription.update({ where: { id: delivery.subscriptionId }, data: { consecutiveFailures: 0 } });
    }
    await recordAuditEvent(tx, null, {
      action: state === "SENT" ? "delivery:sent" : "delivery:failed",
      entityType: "Delivery",
      entityId: delivery.id,
      after: { subscriptionId: delivery.subscriptionId, statusChangeId: delivery.statusChange?.id ?? null, kind: delivery.kind, channel: delivery.subscription.channel, error },
    });
  });
}
