import "server-only";
import type { Prisma } from "../../generated/prisma/client";

const SUBJECT_SELECT = { agreement: { select: { slug: true, title: true, shortName: true, timeZone: true } }, measure: { select: { slug: true, title: true } } } as const;
const DEVELOPMENT_SELECT = {
  id: true,
  headline: true,
  direction: true,
  occurredAt: true,
  effectiveAt: true,
  retractionReason: true,
  timeZone: true,
  ...SUBJECT_SELECT,
  citations: { orderBy: { position: "asc" }, take: 20, select: { source: { select: { url: true, title: true, publisher: true } } } },
} as const satisfies Prisma.StatusChangeSelect;

/**
 * What sending a delivery reads: the delivery, its subscription (with its subject, which a notice
 * deadline names) and owner, and what it tells of: the development and its sources, or the
 * condition state that entered BREACHED, its sources and its development.
 */
export const DELIVERY_RECORD_SELECT = {
  id: true,
  subscriptionId: true,
  kind: true,
  entryVersion: true,
  statusBefore: true,
  statusAfter: true,
  deadlineAt: true,
  digestId: true,
  state: true,
  attempts: true,
  subscription: {
    select: {
      id: true,
      userId: true,
      channel: true,
      ruleDays: true,
      /** SEARCH: the search in words, which its messages name. */
      searchLabel: true,
      webhookUrl: true,
      webhookSecret: true,
      pausedAt: true,
      endedAt: true,
      consecutiveFailures: true,
      user: { select: { email: true, name: true, disabledAt: true } },
      ...SUBJECT_SELECT,
    },
  },
  statusChange: { select: DEVELOPMENT_SELECT },
  conditionState: {
    select: {
      id: true,
      note: true,
      occurredAt: true,
      timeZone: true,
      citations: { orderBy: { position: "asc" }, take: 20, select: { source: { select: { url: true, title: true, publisher: true } } } },
      condition: { select: { id: true, statement: true, statusChange: { select: DEVELOPMENT_SELECT } } },
    },
  },
} as const satisfies Prisma.DeliverySelect;

export type TDeliveryRecord = Prisma.DeliveryGetPayload<{ select: typeof DELIVERY_RECORD_SELECT }>;
