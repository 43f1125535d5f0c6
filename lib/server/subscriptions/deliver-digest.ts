import "server-only";
import { recordAuditEvent } from "../audit/record-audit-event";
import { runWriteTransaction } from "../write-transaction";
import { deliveryLinks } from "./delivery-links";
import { digestMail } from "./delivery-message";
import { DELIVERY_RECORD_SELECT } from "./delivery-record";
import { describeDelivery } from "./delivery-story";
import { sendMail } from "./mail-transport";
import { routeDeliveries } from "./route-delivery";
import { subscriptionSubjectName } from "./subscription-record";

// A digest carries at most this many deliveries (decision 017); more wait for the next day's.
const DIGEST_LIMIT = 200;

export type TDigestOutcome = "sent" | "empty" | "already-sent" | "not-yet" | "ended";

/**
 * The digest job (decision 035): one mail per (subscription, local day). It first closes the
 * digest, in a transaction that locks its row, so a delivery recorded from then on joins the next
 * day's; then mails what the closed digest holds (the same Message-ID on every attempt); then, in
 * one transaction, marks the digest and its deliveries sent and keeps the mail in the outbox. A
 * job run again after a worker died finds the digest closed or sent and sends no second mail.
 */
export async function deliverDigest(digestId: string, now: Date = new Date()): Promise<TDigestOutcome> {
  const taken = await runWriteTransaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "Digest" WHERE "id" = ${digestId}::uuid FOR UPDATE`;
    const digest = await tx.digest.findUnique({
      where: { id: digestId },
      select: { id: true, localDay: true, scheduledAt: true, closedAt: true, sentAt: true, subscription: { select: { id: true, userId: true, endedAt: true, user: { select: { email: true, disabledAt: true } }, agreement: { select: { slug: true, title: true, shortName: true } }, measure: { select: { slug: true, title: true } }, party: { select: { code: true, name: true } }, otherParty: { select: { code: true, name: true } } } } },
    });
    if (!digest) return "empty" as const;
    if (digest.sentAt) return "already-sent" as const;
    if (!digest.closedAt && now < digest.scheduledAt) return "not-yet" as const;
    if (!digest.closedAt) await tx.digest.update({ where: { id: digest.id }, data: { closedAt: now } });
    const deliveries = await tx.delivery.findMany({ where: { digestId: digest.id, state: "PENDING" }, orderBy: { id: "asc" }, take: DIGEST_LIMIT, select: DELIVERY_RECORD_SELECT });
    const { subscription } = digest;
    if (subscription.endedAt || subscription.user.disabledAt) {
      await tx.delivery.updateMany({ where: { digestId: digest.id, state: "PENDING" }, data: { state: "FAILED", lastError: "The subscription ended before this was sent." } });
      return "ended" as const;
    }
    return { digest, deliveries };
  });
  if (typeof taken === "string") return taken;
  const { digest, deliveries } = taken;
  if (deliveries.length === 0) return "empty";

  const { subscription } = digest;
  const links = deliveryLinks(subscription.id);
  const day = digest.localDay.toISOString().slice(0, 10);
  const mail = digestMail(`Pactwatch daily digest for ${day}: ${subscriptionSubjectName(subscription)}`, deliveries.map(describeDelivery), links);
  const messageId = `digest-${digest.id}@pactwatch`;
  const transport = await sendMail({ to: subscription.user.email, ...mail, messageId, unsubscribeUrl: links.oneClick });

  return runWriteTransaction(async (tx) => {
    const { count } = await tx.digest.updateMany({ where: { id: digest.id, sentAt: null }, data: { sentAt: now } });
    // Another attempt finished it first.
    if (count === 0) return "already-sent" as const;
    const ids = deliveries.map((delivery) => delivery.id);
    await tx.delivery.updateMany({ where: { id: { in: ids }, state: "PENDING" }, data: { state: "SENT", sentAt: now, attempts: { increment: 1 } } });
    await tx.mailMessage.create({ data: { userId: subscription.userId, digestId: digest.id, messageId, toAddress: subscription.user.email, subject: mail.subject, textBody: mail.text, htmlBody: mail.html, transport } });
    for (const id of ids) {
      await recordAuditEvent(tx, null, { action: "delivery:sent", entityType: "Delivery", entityId: id, after: { subscriptionId: subscription.id, digestId: digest.id, channel: "EMAIL" } });
    }
    // Past the limit: the rest go on to the next day's digest.
    const rest = await tx.delivery.findMany({ where: { digestId: digest.id, state: "PENDING" }, select: { id: true, subscriptionId: true } });
    await routeDeliveries(tx, rest, digest.scheduledAt);
    await recordAuditEvent(tx, null, { action: "digest:sent", entityType: "Digest", entityId: digest.id, after: { subscriptionId: subscription.id, localDay: day, deliveries: ids.length } });
    return "sent" as const;
  });
}
