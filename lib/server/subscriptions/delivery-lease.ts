import "server-only";
import { getDatabase } from "../db";
import { getDeliveryEnv } from "../env";

// The sending lease of a Delivery (decision 039). An attempt commits `sendingSince` before its
// message leaves; another attempt (the job retried after its expiry, or enqueued again on
// resume) does not send while that lease is younger than the job expiry, the time pg-boss gives
// one run of the job. So a retry never overlaps a run that is still sending or recording.

/** Claims the delivery for this attempt and counts the attempt; false while another attempt's lease is young (or it is no longer pending). */
export async function claimSendingLease(deliveryId: string): Promise<boolean> {
  const expirySeconds = getDeliveryEnv().DELIVERY_JOB_EXPIRY_SECONDS;
  // The database's clock on both sides of the comparison: workers' clocks need not agree.
  const claimed = await getDatabase().$executeRaw`
    UPDATE "Delivery" SET "attempts" = "attempts" + 1, "sendingSince" = now(), "updatedAt" = now()
    WHERE "id" = ${deliveryId}::uuid AND "state" = 'PENDING'
      AND ("sendingSince" IS NULL OR "sendingSince" < now() - make_interval(secs => ${expirySeconds}))`;
  return claimed === 1;
}

/** Gives the lease back after an attempt whose message did not leave, so its retry need not wait out the expiry. */
export async function releaseSendingLease(deliveryId: string): Promise<void> {
  await getDatabase().delivery.updateMany({ where: { id: deliveryId, state: "PENDING" }, data: { sendingSince: null } });
}
