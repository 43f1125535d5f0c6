import "server-only";
import { getDatabase } from "../db";
import { assertSignedInCan, type TActor } from "../permissions";
import { readSubscription, SUBSCRIPTION_SELECT } from "./subscription-record";

// An account's subscriptions are few; the list is bounded all the same (decision 017).
export const SUBSCRIPTIONS_SHOWN = 200;

/** The actor's own subscriptions, live ones first, newest first. */
export async function listSubscriptions(actor: TActor) {
  assertSignedInCan(actor, "subscription:manage-own");
  const subscriptions = await getDatabase().subscription.findMany({
    where: { userId: actor.id },
    orderBy: [{ endedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }, { id: "desc" }],
    take: SUBSCRIPTIONS_SHOWN,
    select: SUBSCRIPTION_SELECT,
  });
  return subscriptions.map(readSubscription);
}
