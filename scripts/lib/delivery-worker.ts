import { createDatabase, setDatabase } from "../../lib/server/db";
import { preparesWriteStatements } from "../../lib/server/env";
import { startDeliveryWorker, type TDeliveryWorker } from "../../lib/server/subscriptions/delivery-worker";
import { installQueueRejectionHandler } from "./queue-rejections";

/**
 * Runs the subscriptions' delivery worker in this process (npm start by default, npm run worker)
 * with a database client of its own: on the embedded database one connection, waiting its turn
 * behind the app's transactions as a command does (decision 011).
 */
export async function runDeliveryWorker(databaseUrl: string, isEmbedded: boolean, log: (message: string) => void): Promise<TDeliveryWorker> {
  const database = isEmbedded
    ? createDatabase({ url: databaseUrl, poolSize: 1, connectionTimeoutMillis: 120_000, applicationName: "pactwatch-worker" })
    : createDatabase({ url: databaseUrl, poolSize: 3, applicationName: "pactwatch-worker", preparesWriteStatements: preparesWriteStatements() });
  setDatabase(database);
  installQueueRejectionHandler({ log });
  const worker = await startDeliveryWorker({ databaseUrl, isEmbedded, log });
  return {
    stop: async () => {
      await worker.stop();
      setDatabase(undefined);
      await database.$disconnect();
    },
  };
}
