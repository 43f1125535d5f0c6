// npm run worker: a delivery worker of its own (subscriptions, issue 14), beside npm start or in
// place of its in-process one (DELIVERY_WORKER=off). Several share the work on one database.
import path from "node:path";
import { getDeliveryEnv, getLauncherEnv } from "../lib/server/env";
import { openMigratedDatabase } from "./lib/open-database";
import { resolveAuthSecret } from "./lib/auth-secret";
import { runDeliveryWorker } from "./lib/delivery-worker";

const log = (message: string) => console.log(`[pactwatch worker] ${message}`);

async function main(): Promise<void> {
  const env = getLauncherEnv();
  // Unsubscribe links are signed with the app's AUTH_SECRET: the same one npm start uses.
  process.env.AUTH_SECRET = resolveAuthSecret({ configured: env.AUTH_SECRET, isServerMode: Boolean(env.DATABASE_URL), isProduction: env.NODE_ENV === "production", dataDir: path.resolve(env.PACTWATCH_DATA_DIR) });
  getDeliveryEnv();
  const opened = await openMigratedDatabase(env, log);
  const worker = await runDeliveryWorker(opened.url, opened.isEmbedded, log);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: finishing the jobs in hand…`);
    await worker.stop();
    await opened.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(`[pactwatch worker] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
