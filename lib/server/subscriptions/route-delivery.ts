import "server-only";
import { nextDigestSlot } from "../../domain/subscription-schedule";
import { parseRows } from "../rows/parse-rows";
import { ZOpenDigestRow } from "../rows/subscription-rows";
import { uuidV7 } from "../status-changes/insert-logged-change";
import type { TTransaction } from "../write-transaction";
import { DELIVERY_QUEUE, DIGEST_QUEUE, sendInTransaction } from "./job-queue";

type TRoutedDelivery = { id: string; subscriptionId: string };

/**
 * Sends deliveries just recorded on their way, in the transaction that recorded them: an
 * immediate one as a delivery job; an email one of a DAILY_DIGEST subscription into the digest of
 * its next local hour (decision 035), whose job is enqueued with the digest row, once.
 */
export async function routeDeliveries(tx: TTransaction, deliveries: readonly TRoutedDelivery[], now: Date): Promise<void> {
  if (deliveries.length === 0) return;
  const subscriptions = await tx.subscription.findMany({
    where: { id: { in: [...new Set(deliveries.map((delivery) => delivery.subscriptionId))] } },
    select: { id: true, channel: true, timing: true, digestHour: true, digestTimeZone: true },
  });
  const byId = new Map(subscriptions.map((subscription) => [subscription.id, subscription]));
  for (const delivery of deliveries) {
    const subscription = byId.get(delivery.subscriptionId);
    if (subscription?.timing === "DAILY_DIGEST" && subscription.channel === "EMAIL" && subscription.digestHour !== null && subscription.digestTimeZone) {
      const digestId = await openDigest(tx, subscription.id, subscription.digestHour, subscription.digestTimeZone, now);
      await tx.delivery.update({ where: { id: delivery.id }, data: { digestId } });
    } else {
      await sendInTransaction(tx, DELIVERY_QUEUE, { deliveryId: delivery.id });
    }
  }
}

/**
 * The id of the digest that will carry a delivery recorded at `now`. The upsert locks the digest
 * row, so it waits for a digest job closing it at this moment and then sees it closed: a delivery
 * recorded as (or after) a day's digest is made joins the next day's, never a closed one.
 */
async function openDigest(tx: TTransaction, subscriptionId: string, hour: number, timeZone: string, now: Date): Promise<string> {
  let slot = nextDigestSlot(now, hour, timeZone);
  for (;;) {
    const [digest] = parseRows(
      ZOpenDigestRow,
      await tx.$queryRaw`
        INSERT INTO "Digest" ("id", "subscriptionId", "localDay", "scheduledAt")
        VALUES (${uuidV7()}::uuid, ${subscriptionId}::uuid, ${slot.localDay}::date, ${slot.scheduledAt})
        ON CONFLICT ("subscriptionId", "localDay") DO UPDATE SET "scheduledAt" = "Digest"."scheduledAt"
        RETURNING "id", "closedAt", (xmax = 0) AS "isNew"`,
    );
    if (!digest!.closedAt) {
      if (digest!.isNew) await sendInTransaction(tx, DIGEST_QUEUE, { digestId: digest!.id }, { startAfter: slot.scheduledAt, singletonKey: digest!.id });
      return digest!.id;
    }
    slot = nextDigestSlot(slot.scheduledAt, hour, timeZone);
  }
}
