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
  const rows = await getDatabase().delivery.findMany({
    where: { subscriptionId, ...(options.before ? { id: { lt: options.before } } : {}) },
    orderBy: { id: "desc" },
    take: DELIVERY_LOG_PAGE + 1,
    select: { id: true, kind: true, state: true, attempts: true, lastError: true, lastResponse: true, sentAt: true, createdAt: true, statusBefore: true, statusAfter: true, deadlineAt: true,
      digest: { select: { scheduledAt: true } },
      statusChange: { select: { id: true, headline: true } },
      conditionState: { select: { condition: { select: { statement: true, statusChange: { select: { id: true, headline: true } } } } } },
    },
  });
  // A breach is told of its condition's development; its statement stands in the headline's place.
  const deliveries = rows.slice(0, DELIVERY_LOG_PAGE).map(({ digest, conditionState, statusChange, ...delivery }) => ({
    ...delivery,
    digestScheduledAt: digest?.scheduledAt ?? null,
    statusChange: statusChange ?? (conditionState ? { id: conditionState.condition.statusChange.id, headline: conditionState.condition.statement } : null),
  }));
  return { deliveries, next: rows.length > DELIVERY_LOG_PAGE ? rows[DELIVERY_LOG_PAGE - 1]!.id : null };
}
