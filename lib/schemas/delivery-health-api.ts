import { z } from "zod";
import { ZApiInstant } from "./api-list";
import { recordId } from "./record-id";
import { text } from "./text";

// Delivery health over the API (decision 039): what /admin/deliveries shows, for admins'
// monitoring. A subscription is its owner's address, subject, channel and state only: never a
// webhook's address or key, a feed's secret, or the mail's text (decision 037).

export const ZDeliveryHealthQuery = z.object({
  before: recordId("before is the id of the last failure of the previous page (failuresNext)").optional(),
});

const ZOwnerView = z.object({
  id: z.uuid(),
  ownerEmail: text(),
  /** The subject in words: an agreement's name, a party, a pair, or a saved search. */
  subject: text(),
  channel: z.enum(["EMAIL", "WEBHOOK", "FEED"]),
  state: z.enum(["ACTIVE", "PAUSED", "ENDED"]),
});

export const ZDeliveryHealthResponse = z.object({
  /** Every delivery by state. */
  counts: z.object({ PENDING: z.int(), SENT: z.int(), FAILED: z.int() }),
  /** The delivery waiting longest, if any. */
  oldestPending: z.object({ id: z.uuid(), createdAt: ZApiInstant, attempts: z.int(), subscription: ZOwnerView }).nullable(),
  /** Given up, or pending after a failed attempt; newest change first. */
  failures: z.array(
    z.object({
      id: z.uuid(),
      state: z.enum(["PENDING", "SENT", "FAILED"]),
      kind: z.enum(["PUBLISHED", "CORRECTED", "RETRACTED", "DEADLINE_APPROACHING", "CONDITION_BREACHED"]),
      attempts: z.int(),
      lastError: text().nullable(),
      lastResponse: z.int().nullable(),
      updatedAt: ZApiInstant,
      deadlineAt: ZApiInstant.nullable(),
      statusChange: z.object({ id: z.uuid(), headline: text() }).nullable(),
      subscription: ZOwnerView,
    }),
  ),
  /** The next page of failures: ?before=<this>; null on the last page. */
  failuresNext: z.uuid().nullable(),
  /** Paused subscriptions, most recently paused first (at most 50; pausedTotal counts them all). */
  paused: z.array(ZOwnerView.extend({ pausedAt: ZApiInstant, consecutiveFailures: z.int(), pending: z.int() })),
  pausedTotal: z.int(),
});
