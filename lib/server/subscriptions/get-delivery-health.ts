import "server-only";
import type { DeliveryState, Prisma } from "../../generated/prisma/client";
import { getDatabase } from "../db";
import { assertSignedInCan, type TActor } from "../permissions";
import { subscriptionSubjectName } from "./subscription-record";

// What an admin needs to tell whether subscriptions are being delivered (issue 14): counts by
// state, the oldest delivery still waiting, recent failures with their last error, and paused
// subscriptions. Of a subscription it shows only its owner's address, subject, channel and
// state: never a webhook's address or key, a feed's secret, or the mail's text.

export const FAILURES_PAGE = 20;
export const PAUSED_SHOWN = 50;
const STATES: DeliveryState[] = ["PENDING", "SENT", "FAILED"];

const OWNER_VIEW = {
  id: true,
  channel: true,
  pausedAt: true,
  endedAt: true,
  consecutiveFailures: true,
  user: { select: { email: true } },
  searchLabel: true,
  agreement: { select: { slug: true, title: true, shortName: true } },
  measure: { select: { slug: true, title: true } },
  party: { select: { code: true, name: true } },
  otherParty: { select: { code: true, name: true } },
} as const satisfies Prisma.SubscriptionSelect;

type TOwnerView = Prisma.SubscriptionGetPayload<{ select: typeof OWNER_VIEW }>;

const describeSubscription = (subscription: TOwnerView) => ({
  id: subscription.id,
  ownerEmail: subscription.user.email,
  subject: subscriptionSubjectName(subscription),
  channel: subscription.channel,
  state: subscription.endedAt ? ("ENDED" as const) : subscription.pausedAt ? ("PAUSED" as const) : ("ACTIVE" as const),
});

// A failure is a delivery given up on, or one still pending whose last attempt failed (a webhook being retried).
const FAILURE_WHERE = { OR: [{ state: "FAILED" }, { state: "PENDING", lastError: { not: null } }] } as const satisfies Prisma.DeliveryWhereInput;

/**
 * Delivery health for admins. Failures are newest first by their last change, keyset-paged by
 * (updatedAt, id) after the delivery `failuresBefore` names; paused subscriptions are bounded.
 */
export async function getDeliveryHealth(actor: TActor, options: { failuresBefore?: string } = {}) {
  assertSignedInCan(actor, "delivery:monitor");
  const db = getDatabase();
  const cursor = options.failuresBefore ? await db.delivery.findUnique({ where: { id: options.failuresBefore }, select: { id: true, updatedAt: true } }) : null;
  const afterCursor: Prisma.DeliveryWhereInput = cursor ? { OR: [{ updatedAt: { lt: cursor.updatedAt } }, { updatedAt: cursor.updatedAt, id: { lt: cursor.id } }] } : {};
  const [grouped, oldestPending, failures, paused, pausedTotal] = await Promise.all([
    // Counted on the (state, createdAt) index.
    db.delivery.groupBy({ by: ["state"], _count: { _all: true } }),
    db.delivery.findFirst({ where: { state: "PENDING" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, createdAt: true, attempts: true, subscription: { select: OWNER_VIEW } } }),
    db.delivery.findMany({
      where: { AND: [FAILURE_WHERE, afterCursor] },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: FAILURES_PAGE + 1,
      select: { id: true, state: true, kind: true, attempts: true, lastError: true, lastResponse: true, updatedAt: true, deadlineAt: true, statusChange: { select: { id: true, headline: true } }, subscription: { select: OWNER_VIEW } },
    }),
    db.subscription.findMany({ where: { pausedAt: { not: null }, endedAt: null }, orderBy: [{ pausedAt: "desc" }, { id: "desc" }], take: PAUSED_SHOWN, select: { ...OWNER_VIEW, _count: { select: { deliveries: { where: { state: "PENDING" } } } } } }),
    db.subscription.count({ where: { pausedAt: { not: null }, endedAt: null } }),
  ]);
  const counts = Object.fromEntries(STATES.map((state) => [state, grouped.find((row) => row.state === state)?._count._all ?? 0])) as Record<DeliveryState, number>;
  const shown = failures.slice(0, FAILURES_PAGE);
  return {
    counts,
    oldestPending: oldestPending && { id: oldestPending.id, createdAt: oldestPending.createdAt, attempts: oldestPending.attempts, subscription: describeSubscription(oldestPending.subscription) },
    failures: shown.map(({ subscription, ...failure }) => ({ ...failure, subscription: describeSubscription(subscription) })),
    failuresNext: failures.length > FAILURES_PAGE ? shown[shown.length - 1]!.id : null,
    paused: paused.map((subscription) => ({ ...describeSubscription(subscription), pausedAt: subscription.pausedAt!, consecutiveFailures: subscription.consecutiveFailures, pending: subscription._count.deliveries })),
    pausedTotal,
  };
}

export type TDeliveryHealth = Awaited<ReturnType<typeof getDeliveryHealth>>;
