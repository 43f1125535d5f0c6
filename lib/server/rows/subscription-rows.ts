import "server-only";
import { z } from "zod";
import { ZInstant, ZInt, ZStatus } from "./columns";

/** A row pg-boss's own SQL returns through the transaction (lib/server/subscriptions/job-queue.ts): its columns are pg-boss's. */
export const ZQueueRow = z.record(z.string(), z.unknown()).describe("job queue row");

/** What enqueueDevelopment reads of a development in one statement (enqueue-development.ts). */
export const ZEnqueueFactsRow = z
  .object({ version: z.number().int(), agreementId: z.string().nullable(), measureId: z.string().nullable(), statusBefore: z.string().nullable(), isDeadlineFollowed: z.boolean() })
  .describe("enqueue facts row");

/** Whether anyone follows a subject's deadlines (enqueue-deadline-plan.ts). */
export const ZDeadlineFollowedRow = z.object({ isFollowed: z.boolean() }).describe("deadline followed row");

/** A subscription of a development's subject, for the fan-out (fan-out-development.ts). */
export const ZSubscriptionCandidateRow = z
  .object({
    id: z.string(),
    rule: z.enum(["ANY_DEVELOPMENT", "ENTERS_STATUS", "LEAVES_STATUS", "ESCALATION"]),
    ruleStatus: z.string().nullable(),
    includeCorrections: z.boolean(),
    channel: z.enum(["EMAIL", "WEBHOOK", "FEED"]),
    wasDelivered: z.boolean(),
  })
  .describe("subscription candidate row");


/** The digest a delivery joins (route-delivery.ts): new, or open, or already closed (then the next day's). */
export const ZOpenDigestRow = z.object({ id: z.string(), closedAt: ZInstant.nullable(), isNew: z.boolean() }).describe("open digest row");

/** An agreement's terms and current status, for its notice deadline (subject-deadlines.ts). */
export const ZAgreementTermsRow = z
  .object({
    inForceOn: ZInstant.nullable(),
    termMonths: ZInt.nullable(),
    autoRenews: z.boolean().nullable(),
    noticeDays: ZInt.nullable(),
    timeZone: z.string(),
    currentStatus: ZStatus.nullable(),
  })
  .describe("agreement terms row");

/** A published development scheduled to take effect later (subject-deadlines.ts). */
export const ZScheduledDevelopmentRow = z
  .object({ id: z.string(), status: ZStatus, effectiveAt: ZInstant, timeZone: z.string(), version: ZInt })
  .describe("scheduled development row");

/** A delivery the fan-outs and the reminder recorded (ON CONFLICT DO NOTHING: only new ones come back). */
export const ZRecordedDeliveryRow = z.object({ id: z.string(), subscriptionId: z.string() }).describe("recorded delivery row");

/** A saved search whose results include a development (match-saved-searches.ts). */
export const ZMatchedSearchRow = z.object({ id: z.string() }).describe("matched search row");

/** A live SEARCH subscription, for a publish's fan-out (fan-out-development.ts). */
export const ZSearchCandidateRow = z
  .object({
    id: z.string(),
    rule: z.enum(["ANY_DEVELOPMENT", "ESCALATION"]),
    includeCorrections: z.boolean(),
    channel: z.enum(["EMAIL", "WEBHOOK", "FEED"]),
    searchFilters: z.unknown(),
  })
  .describe("search candidate row");
