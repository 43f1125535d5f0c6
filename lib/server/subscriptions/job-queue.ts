import "server-only";
import PgBoss from "pg-boss";
import { ZQueueRow } from "../rows/subscription-rows";
import { parseRows } from "../rows/parse-rows";
import type { TTransaction } from "../write-transaction";

// The delivery engine's job queue is pg-boss (docs/decisions/028), its schema made by the
// migration 20261202203550_subscriptions. Jobs are sent through the caller's Prisma transaction,
// so a job exists exactly when the write that caused it commits.

export const FAN_OUT_QUEUE = "subscription-fan-out";
export const DELIVERY_QUEUE = "subscription-delivery";
// Decision 035 (migration 20261203061355_subscription_rules_and_digest).
export const DEADLINE_PLAN_QUEUE = "subscription-deadline-plan";
export const DEADLINE_REMINDER_QUEUE = "subscription-deadline-reminder";
export const DIGEST_QUEUE = "subscription-digest";
export const BREACH_FAN_OUT_QUEUE = "subscription-breach-fan-out";

export type TFanOutJob = {
  statusChangeId: string;
  kind: "PUBLISHED" | "CORRECTED" | "RETRACTED";
  entryVersion: number;
  /** The subject's status just before this development, as the record stood when it was written. */
  statusBefore: string | null;
};
export type TDeliveryJob = { deliveryId: string };
/** Plan the deadline reminders of one subject's subscriptions, or of one subscription. */
export type TDeadlinePlanJob = ({ agreementId: string } | { measureId: string } | { subscriptionId: string }) & {
  /** Keyset: a subject with more subscriptions than one job plans goes on after this id. */
  afterSubscriptionId?: string;
};
/** One reminder: (subscription, deadline instant), checked again when it runs. */
export type TDeadlineReminderJob = { subscriptionId: string; deadlineAt: string; statusChangeId: string | null };
export type TDigestJob = { digestId: string };
export type TBreachFanOutJob = { conditionStateId: string };

type TSql = { executeSql: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }> };

// pg-boss builds its INSERT; Prisma runs it. JSON goes as text (the SQL casts it to jsonb) and an
// absent option as NULL, which the SQL reads as "the queue's default".
function transactionSql(tx: TTransaction): TSql {
  return {
    executeSql: async (text, values = []) => {
      const parameters = values.map((value) => (value === undefined ? null : value !== null && typeof value === "object" && !(value instanceof Date) ? JSON.stringify(value) : value));
      return { rows: parseRows(ZQueueRow, await tx.$queryRawUnsafe(text, ...parameters)) };
    },
  };
}

// Never started: it only lends its send() (argument checks and the INSERT) to transactions.
let sender: PgBoss | undefined;
function getSender(): PgBoss {
  sender ??= new PgBoss({
    db: { executeSql: async () => { throw new Error("send through a transaction: sendInTransaction()"); } },
    migrate: false,
    supervise: false,
    schedule: false,
  });
  return sender;
}

/** Enqueues a job inside `tx`: rolled back with it, visible to workers when it commits. */
export async function sendInTransaction(tx: TTransaction, queue: string, data: object, options: PgBoss.SendOptions = {}): Promise<void> {
  await getSender().send(queue, data, { ...options, db: transactionSql(tx) } as PgBoss.SendOptions);
}
