import "server-only";
import PgBoss from "pg-boss";
import { getDeliveryEnv } from "../env";
import { deliverDelivery } from "./deliver-delivery";
import { fanOutDevelopment } from "./fan-out-development";
import { DELIVERY_QUEUE, FAN_OUT_QUEUE, type TDeliveryJob, type TFanOutJob } from "./job-queue";

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
  for (const name of [FAN_OUT_QUEUE, DELIVERY_QUEUE]) {
    await boss.updateQueue(name, { name, expireInSeconds, retryDelay: name === DELIVERY_QUEUE ? env.DELIVERY_RETRY_DELAY_SECONDS : 1, retryBackoff: true } as PgBoss.Queue);
  }
  await boss.work<TFanOutJob>(FAN_OUT_QUEUE, { pollingIntervalSeconds, batchSize: 1 }, async ([job]) => {
    const { deliveries } = await fanOutDevelopment(job!.data);
    if (deliveries) log(`development ${job!.data.statusChangeId} (${job!.data.kind}): ${deliveries} delivery(ies) queued`);
  });
  await boss.work<TDeliveryJob>(DELIVERY_QUEUE, { pollingIntervalSeconds, batchSize: 1, includeMetadata: true }, async ([job]) => {
    await deliverDelivery(job!.data.deliveryId, { isLastAttempt: job!.retryCount >= job!.retryLimit });
  });
  log("delivery worker started");
  return {
    stop: async () => {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
