import "server-only";
import type { TSubscriptionVersion } from "../../schemas/subscription";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors";
import { assertSignedInCan, type TActor } from "../permissions";
import { runWriteTransaction } from "../write-transaction";
import { DELIVERY_QUEUE, sendInTransaction } from "./job-queue";
import { assertSubscriptionVersion, lockOwnSubscription } from "./subscription-record";

// Resuming sends what waited while paused, oldest first, at most this many (the rest stay in the log as pending).
const RESUME_BATCH = 500;

/** Pauses or resumes one of the actor's subscriptions; resuming resets its failure count and enqueues its pending deliveries. */
export async function setSubscriptionPaused(actor: TActor, input: TSubscriptionVersion, isPaused: boolean) {
  assertSignedInCan(actor, "subscription:manage-own");
  return runWriteTransaction(async (tx) => {
    const before = await lockOwnSubscription(tx, actor.id, input.id);
    if (before.endedAt) throw new AppError("CONFLICT", "This subscription has ended: start a new one.");
    assertSubscriptionVersion(before, input.version);
    if (Boolean(before.pausedAt) === isPaused) return { id: before.id, pausedAt: before.pausedAt, version: before.version };
    const after = await tx.subscription.update({
      where: { id: before.id },
      data: { pausedAt: isPaused ? new Date() : null, ...(isPaused ? {} : { consecutiveFailures: 0 }), version: { increment: 1 } },
      select: { id: true, pausedAt: true, version: true },
    });
    if (!isPaused) {
      const pending = await tx.delivery.findMany({ where: { subscriptionId: before.id, state: "PENDING" }, orderBy: { createdAt: "asc" }, take: RESUME_BATCH, select: { id: true } });
      for (const delivery of pending) await sendInTransaction(tx, DELIVERY_QUEUE, { deliveryId: delivery.id });
    }
    await recordAuditEvent(tx, actor, { action: isPaused ? "subscription:pause" : "subscription:resume", entityType: "Subscription", entityId: before.id, before, after });
    return after;
  });
}
