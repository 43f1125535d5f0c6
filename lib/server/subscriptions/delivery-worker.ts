import "server-only";
import PgBoss from "pg-boss";
import { getDeliveryEnv } from "../env";
import { deliverDelivery } from "./deliver-delivery";
import { fanOutDevelopment } from "./fan-out-development";
import { deliverDigest } from "./deliver-digest";
import { fanOutBreach } from "./fan-out-breach";
import {
  BREACH_FAN_OUT_QUEUE,
  DEADLINE_PLAN_QUEUE,
  DEADLINE_REMINDER_QUEUE,
  DELIVERY_QUEUE,
  DIGEST_QUEUE,
  FAN_OUT_QUEUE,
  type TBreachFanOutJob,
  type TDeadlinePlanJob,
  type TDeadlineReminderJob,
  type TDeliveryJob,
  type TDigestJob,
  type TFanOutJob,
} from "./job-queue";
import { planDeadlineReminders } from "./plan-deadline-reminders";
import { remindDeadline } from "./remind-deadline";

export type TDeliveryWorker = { stop: () => Promise<void> };

export type TDeliveryWorkerOptions = {
  databaseUrl: string;
  /** The embedded database is one session: one connection, and polling instead of waiting for work. */
  isEmbedded: boolean;
  log?: (message: string) => void;
  /** Seconds between looks for new jobs (default 2; tests use less). */
  pollingIntervalSeconds?: number;
};

/**
 * Starts a delivery worker on the job queue (docs/decisions/028): the fan-out and delivery jobs,
 * taken with SKIP LOCKED so that several workers on one database share them. It reaches the
 * app's tables through the app's database client (setDatabase), pg-boss's through its own pool.
 */
export async function startDeliveryWorker(options: TDeliveryWorkerOptions): Promise<TDeliveryWorker> {
  const env = getDeliveryEnv();
  const log = options.log ?? (() => {});
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    max: options.isEmbedded ? 1 : 3,
    application_name: "pactwatch-worker",
    // The schema is the migration's (20261202203550_subscriptions); never made or changed here.
    migrate: false,
    schedule: false,
    // Maintenance fails (and so retries) the jobs of a worker that died once they expire: look
    // twice per expiry, so such a job waits at most about one and a half expiries.
    maintenanceIntervalSeconds: Math.max(1, Math.min(30, Math.floor(env.DELIVERY_JOB_EXPIRY_SECONDS / 2))),
  });
  boss.on("error", (error: Error) => log(`delivery worker: ${error.message}`));
  await boss.start();
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  const expireInSeconds = env.DELIVERY_JOB_EXPIRY_SECONDS;
  // The queues' expiry and retry delay follow this configuration.
  // (updateQueue keeps each queue's policy: the reminder and digest queues are "short", decision 035.)
  for (const name of [FAN_OUT_QUEUE, DELIVERY_QUEUE, DEADLINE_PLAN_QUEUE, DEADLINE_REMINDER_QUEUE, DIGEST_QUEUE, BREACH_FAN_OUT_QUEUE]) {
    const isSending = name === DELIVERY_QUEUE || name === DIGEST_QUEUE;
    await boss.updateQueue(name, { name, expireInSeconds, retryDelay: isSending ? env.DELIVERY_RETRY_DELAY_SECONDS : 1, retryBackoff: true } as PgBoss.Queue);
  }
  await boss.work<TFanOutJob>(FAN_OUT_QUEUE, { pollingIntervalSeconds, batchSize: 1 }, async ([job]) => {
    const { deliveries } = await fanOutDevelopment(job!.data);
    if (deliveries) log(`development ${job!.data.statusChangeId} (${job!.data.kind}): ${deliveries} delivery(ies) queued`);
  });
  await boss.work<TDeliveryJob>(DELIVERY_QUEUE, { pollingIntervalSeconds, batchSize: 1, includeMetadata: true }, async ([job]) => {
    await deliverDelivery(job!.data.deliveryId, { isLastAttempt: job!.retryCount >= job!.retryLimit });
  });
  await boss.work<TDeadlinePlanJob>(DEADLINE_PLAN_QUEUE, { pollingIntervalSeconds, batchSize: 1 }, async ([job]) => {
    const planned = await planDeadlineReminders(job!.data);
    if (planned.length) log(`deadline reminders planned: ${planned.length}`);
  });
  await boss.work<TDeadlineReminderJob>(DEADLINE_REMINDER_QUEUE, { pollingIntervalSeconds, batchSize: 1 }, async ([job]) => {
    log(`deadline reminder ${job!.data.subscriptionId} ${job!.data.deadlineAt}: ${await remindDeadline(job!.data)}`);
  });
  await boss.work<TBreachFanOutJob>(BREACH_FAN_OUT_QUEUE, { pollingIntervalSeconds, batchSize: 1 }, async ([job]) => {
    const { deliveries } = await fanOutBreach(job!.data);
    if (deliveries) log(`condition state ${job!.data.conditionStateId} breached: ${deliveries} delivery(ies) queued`);
  });
  await boss.work<TDigestJob>(DIGEST_QUEUE, { pollingIntervalSeconds, batchSize: 1 }, async ([job]) => {
    log(`digest ${job!.data.digestId}: ${await deliverDigest(job!.data.digestId)}`);
  });
  log("delivery worker started");
  return {
    stop: async () => {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
