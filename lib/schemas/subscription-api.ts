import { z } from "zod";
import { ZApiInstant } from "./api-list";
import { text } from "./text";
import { DELIVERY_TIMINGS, SUBSCRIPTION_RULES, SUBSCRIPTION_SUBJECTS } from "./subscription";

// Subscriptions over the API (issue 14): the caller's own only.

const ZSubjectRef = z.object({ slug: text() }).nullable();
export const ZSubscriptionRow = z.object({
  id: z.uuid(),
  subjectKind: z.enum(SUBSCRIPTION_SUBJECTS),
  /** SEARCH: the developments list's filters, as its query string has them (GET /api/v1/status-changes takes the same). */
  searchFilters: z.record(text(), z.union([text(), z.array(text())])).nullable(),
  /** SEARCH: the search in words, e.g. developments matching “tariffs”, escalations, Japan. */
  searchLabel: text().nullable(),
  rule: z.enum(SUBSCRIPTION_RULES),
  ruleStatus: text().nullable(),
  ruleDays: z.int().nullable(),
  includeCorrections: z.boolean(),
  channel: z.enum(["EMAIL", "WEBHOOK", "FEED"]),
  webhookUrl: text().nullable(),
  timing: z.enum(DELIVERY_TIMINGS),
  digestHour: z.int().nullable(),
  digestTimeZone: text().nullable(),
  pausedAt: ZApiInstant.nullable(),
  consecutiveFailures: z.int(),
  endedAt: ZApiInstant.nullable(),
  version: z.int(),
  createdAt: ZApiInstant,
  agreement: ZSubjectRef,
  measure: ZSubjectRef,
  party: z.object({ code: text() }).nullable(),
  otherParty: z.object({ code: text() }).nullable(),
});
export const ZSubscriptionListResponse = z.object({ data: z.array(ZSubscriptionRow) });
export const ZSubscriptionCreated = ZSubscriptionRow.extend({
  /** The webhook's HMAC key, answered this once. */
  webhookSecret: text().nullable(),
  /** The personal feed's secret (its address is /feeds/subscriptions/<secret>), answered this once. */
  feedSecret: text().nullable(),
});
export const ZSubscriptionEnded = z.object({ id: z.uuid(), endedAt: ZApiInstant.nullable() });
export const ZDeliveryLogResponse = z.object({
  data: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(["PUBLISHED", "CORRECTED", "RETRACTED", "DEADLINE_APPROACHING", "CONDITION_BREACHED"]),
      state: z.enum(["PENDING", "SENT", "FAILED"]),
      attempts: z.int(),
      lastError: text().nullable(),
      lastResponse: z.int().nullable(),
      sentAt: ZApiInstant.nullable(),
      createdAt: ZApiInstant,
      statusBefore: text().nullable(),
      statusAfter: text(),
      /** DEADLINE_APPROACHING: the deadline told of. */
      deadlineAt: ZApiInstant.nullable(),
      /** DAILY_DIGEST: when the digest carrying it is (or was) due. */
      digestScheduledAt: ZApiInstant.nullable(),
      /** The development told of (a deadline's scheduled one, a breached condition's); null for a notice deadline. */
      statusChange: z.object({ id: z.uuid(), headline: text() }).nullable(),
    }),
  ),
  next: z.uuid().nullable(),
});
