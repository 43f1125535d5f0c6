import "server-only";
import type { Prisma } from "../../generated/prisma/client";

/** What sending a delivery reads: the delivery, its subscription and owner, the development and its sources. */
export const DELIVERY_RECORD_SELECT = {
  id: true,
  subscriptionId: true,
  kind: true,
  entryVersion: true,
  statusBefore: true,
  statusAfter: true,
  state: true,
  attempts: true,
  subscription: {
    select: { id: true, userId: true, channel: true, webhookUrl: true, webhookSecret: true, pausedAt: true, endedAt: true, consecutiveFailures: true, user: { select: { email: true, name: true, disabledAt: true } } },
  },
  statusChange: {
    select: {
      id: true,
      headline: true,
      direction: true,
      occurredAt: true,
      effectiveAt: true,
      retractionReason: true,
      agreement: { select: { slug: true, title: true, shortName: true } },
      measure: { select: { slug: true, title: true } },
      citations: { orderBy: { position: "asc" }, take: 20, select: { source: { select: { url: true, title: true, publisher: true } } } },
    },
  },
} as const satisfies Prisma.DeliverySelect;

export type TDeliveryRecord = Prisma.DeliveryGetPayload<{ select: typeof DELIVERY_RECORD_SELECT }>;
