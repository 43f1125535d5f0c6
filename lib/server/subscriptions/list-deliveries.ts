import "server-only";
import { getDatabase } from "../db";
import { AppError } from "../errors";
import { assertSignedInCan, type TActor } from "../permissions";

export const DELIVERY_LOG_PAGE = 50;

/** One of the actor's subscriptions' delivery log, newest first, keyset-paged by id. */
export async function listDeliveries(actor: TActor, subscriptionId: string, options: { before?: string } = {}) {
  assertSignedInCan(actor, "subscription:manage-own");
  const owned = await getDatabase().subscription.findFirst({ where: { id: subscriptionId, userId: actor.id }, select: { id: true } });
  if (!owned) throw new AppError("NOT_FOUND", "You have no such subscription.");
  const deliveries = await getDatabase().delivery.findMany({
    where: { subscriptionId, ...(options.before ? { id: { lt: options.before } } : {}) },
    orderBy: { id: "desc" },
    take: DELIVERY_LOG_PAGE + 1,
    select: { id: true, kind: true, state: true, attempts: true, lastError: true, lastResponse: true, sentAt: true, createdAt: true, statusBefore: true, statusAfter: true, statusChange: { select: { id: true, headline: true } } },
  });
  return { deliveries: deliveries.slice(0, DELIVERY_LOG_PAGE), next: deliveries.length > DELIVERY_LOG_PAGE ? deliveries[DELIVERY_LOG_PAGE - 1]!.id : null };
}
