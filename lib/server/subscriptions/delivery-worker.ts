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
  const work = drainingWorker(boss, pollingIntervalSeconds, log);
  // Jobs that only read and write the database go ten at a time; those that send (SMTP, webhooks)
  // one at a time, so a batch never outlasts one job's expiry.
  await work<TFanOutJob>(FAN_OUT_QUEUE, { batchSize: 10 }, async (job) => {
    const { deliveries } = await fanOutDevelopment(job.data);
    if (deliveries) log(`development ${job.data.statusChangeId} (${job.data.kind}): ${deliveries} delivery(ies) queued`);
  });
  await work<TDeliveryJob>(DELIVERY_QUEUE, { batchSize: 1 }, async (job) => {
    await deliverDelivery(job.data.deliveryId, { isLastAttempt: job.retryCount >= job.retryLimit });
  });
  await work<TDeadlinePlanJob>(DEADLINE_PLAN_QUEUE, { batchSize: 10 }, async (job) => {
    const planned = await planDeadlineReminders(job.data);
    if (planned.length) log(`deadline reminders planned: ${planned.length}`);
  });
  await work<TDeadlineReminderJob>(DEADLINE_REMINDER_QUEUE, { batchSize: 1 }, async (job) => {
    log(`deadline reminder ${job.data.subscriptionId} ${job.data.deadlineAt}: ${await remindDeadline(job.data)}`);
  });
  await work<TBreachFanOutJob>(BREACH_FAN_OUT_QUEUE, { batchSize: 10 }, async (job) => {
    const { deliveries } = await fanOutBreach(job.data);
    if (deliveries) log(`condition state ${job.data.conditionStateId} breached: ${deliveries} delivery(ies) queued`);
  });
  await work<TDigestJob>(DIGEST_QUEUE, { batchSize: 1 }, async (job) => {
    log(`digest ${job.data.digestId}: ${await deliverDigest(job.data.digestId)}`);
  });
  log("delivery worker started");
  return {
    stop: async () => {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}

/**
 * pg-boss 10 looks for jobs once a polling interval whatever it found, so a queue taken one job at
 * a time moved 0.5 jobs a second: the benchmark's write path (90 publishes a second) left 13,937
 * fan-outs waiting. Here a worker that found jobs looks again at once (notifyWorker), and only a
 * look that finds none waits the interval. Each job of a batch runs on its own: one that fails
 * is failed alone (retried by its queue's policy), and pg-boss completes the rest, as its
 * completion touches only jobs still active.
 */
function drainingWorker(boss: PgBoss, pollingIntervalSeconds: number, log: (message: string) => void) {
  return async <T extends object>(
    queue: string,
    options: { batchSize: number },
    handle: (job: PgBoss.JobWithMetadata<T>) => Promise<void>,
  ): Promise<void> => {
    let workerId: string | undefined;
    const onJobs = async (jobs: PgBoss.JobWithMetadata<T>[]) => {
      for (const job of jobs) {
        try {
          await handle(job);
        } catch (error) {
          // If this fails too (the database is away), the job expires and is retried (decision 037).
          await boss.fail(queue, job.id, error as object).catch((failure: Error) => log(`delivery worker: failing job ${job.id} of ${queue}: ${failure.message}`));
        }
      }
      if (jobs.length && workerId) boss.notifyWorker(workerId);
    };
    workerId = await boss.work<T>(queue, { pollingIntervalSeconds, batchSize: options.batchSize, includeMetadata: true }, onJobs);
  };
}
