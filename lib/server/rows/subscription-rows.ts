import "server-only";
import { z } from "zod";

/** A row pg-boss's own SQL returns through the transaction (lib/server/subscriptions/job-queue.ts): its columns are pg-boss's. */
export const ZQueueRow = z.record(z.string(), z.unknown()).describe("job queue row");

/** The subject's status before a development, in history order (enqueue-development.ts). */
export const ZStatusBeforeRow = z.object({ status: z.string() }).describe("status before row");

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

/** A delivery the fan-out recorded (ON CONFLICT DO NOTHING: only new ones come back). */
export const ZInsertedDeliveryRow = z.object({ id: z.string(), channel: z.enum(["EMAIL", "WEBHOOK", "FEED"]) }).describe("inserted delivery row");
