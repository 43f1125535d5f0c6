// npm start / npm run dev: brings up the database (embedded unless DATABASE_URL is set),
// applies migrations, loads demo data into a new embedded database, then serves the app.
import { spawn } from "node:child_process";
import path from "node:path";
import { embeddedLocation, startEmbeddedDatabase, type TEmbeddedDatabase } from "../prisma/tooling/embedded-database";
import { applyMigrations } from "../prisma/tooling/migrations";
import { demoAccounts } from "../prisma/seed/demo-accounts";
import { seedDemoAccounts, seedDemoData, seedStates } from "../prisma/seed/seed-database";
import { createDatabase } from "../lib/server/db";
import { getLauncherEnv } from "../lib/server/env";
import { resolveAuthSecret } from "./lib/auth-secret";
import { ensureProductionBuild } from "./lib/build";
import { waitForHealthy } from "./lib/health";
import { runDeliveryWorker } from "./lib/delivery-worker";
import { getDeliveryEnv } from "../lib/server/env";
import type { TDeliveryWorker } from "../lib/server/subscriptions/delivery-worker";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const log = (message: string) => console.log(`[pactwatch] ${message}`);

async function main(): Promise<void> {
  const env = getLauncherEnv();
  // The benchmark captures the SQL of the reads the server answers (lib/server/sql-capture.ts) and
  // switches it off in the server alone: the launcher's own statements (migrations, the delivery
  // worker) would otherwise be appended, synchronously, for as long as it runs.
  const sqlCapture = process.env.PACTWATCH_SQL_CAPTURE;
  delete process.env.PACTWATCH_SQL_CAPTURE;
  let embedded: TEmbeddedDatabase | undefined;
  let databaseUrl = env.DATABASE_URL;
  const location = embeddedLocation(env.PACTWATCH_DATA_DIR);

  if (!databaseUrl) {
    const { dataDir } = location;
    log(`starting the embedded PostgreSQL in ${path.relative(process.cwd(), dataDir) || dataDir}…`);
    // The app's one connection, a command's (user:create while the app runs) and room to spare.
    embedded = await startEmbeddedDatabase({ dataDir, maxConnections: 6 });
    databaseUrl = embedded.url;
  } else {
    log("using the PostgreSQL server named by DATABASE_URL");
  }
  let worker: TDeliveryWorker | undefined;
  const closeEmbedded = async () => {
    // The worker's jobs in hand finish (or go back to the queue) before the database closes.
    await worker?.stop().catch((error: Error) => log(`stopping the delivery worker: ${error.message}`));
    await embedded?.close().catch((error: Error) => log(`closing the embedded database: ${error.message}`));
  };

  try {
    process.env.AUTH_SECRET = resolveAuthSecret({
      configured: env.AUTH_SECRET,
      isServerMode: !embedded,
      isProduction: env.NODE_ENV === "production",
      dataDir: path.resolve(env.PACTWATCH_DATA_DIR),
    });
    const applied = await applyMigrations(databaseUrl, { onProgress: log });
    log(applied.length ? `applied ${applied.length} migration(s)` : "database schema is up to date");

    const database = createDatabase({ url: databaseUrl, poolSize: 2, applicationName: "pactwatch-launcher" });
    try {
      await seedStates(database, log);
      if (embedded) {
        const result = await seedDemoData(database, log);
        if (result.loaded) log(`loaded the demo data: ${result.changes} developments, ${result.sources} sources`);
        await seedDemoAccounts(database);
      }
    } finally {
      await database.$disconnect();
    }
    if (mode === "start") ensureProductionBuild(log);
    // Subscriptions' deliveries (issue 14): in this process unless DELIVERY_WORKER=off leaves them to npm run worker.
    if (getDeliveryEnv().DELIVERY_WORKER === "in-process") worker = await runDeliveryWorker(databaseUrl, Boolean(embedded), log);
    // Only now, migrated and seeded, may commands join in (docs/decisions/011).
    embedded?.advertise(location.addressFile);
  } catch (error) {
    console.error(`[pactwatch] ${(error as Error).message}`);
    await closeEmbedded();
    process.exit(1);
  }

  const child = spawn(
    process.execPath,
    // V8 grows a busy heap to as much as four times what is live and keeps it: a fixed growth of
    // 70% holds the server near 400 MB under mixed load for about 20% more CPU per render, and
    // only renders pay it (decision 027).
    ["--heap-growing-percent=70", "scripts/serve.mjs", ...(mode === "dev" ? ["--dev"] : [])],
    {
      stdio: ["ignore", "inherit", "inherit"],
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        ...(sqlCapture ? { PACTWATCH_SQL_CAPTURE: sqlCapture } : {}),
        // glibc gives each thread that allocates an arena of its own (up to eight per core) and
        // keeps what they grew to; two hold the server 30-40 MB lower under load (decision 043).
        // An operator's own setting wins.
        MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? "2",
        // PGlite is one database session: one connection keeps every query's protocol
        // messages together, and waiting for it (behind a command's transaction, say) is
        // normal, not a fault; it lives in this process, so it cannot go away without the app.
        DATABASE_POOL_SIZE: embedded ? "1" : String(env.DATABASE_POOL_SIZE),
        // …and one session, where two connections preparing the same statement name clash (decision 044).
        ...(embedded ? { DATABASE_CONNECTION_TIMEOUT_MS: "120000", DATABASE_STATEMENT_TIMEOUT_MS: "30000", DATABASE_QUERY_TIMEOUT_MS: "120000", DATABASE_PREPARED_STATEMENTS: "off" } : {}),
        PACTWATCH_EMBEDDED: embedded ? "1" : "0",
        AUTH_SECRET: process.env.AUTH_SECRET,
        ...(env.PUBLIC_URL ? { NEXTAUTH_URL: env.PUBLIC_URL } : {}),
        NEXT_TELEMETRY_DISABLED: "1",
        NODE_ENV: mode === "dev" ? "development" : "production",
        PORT: String(env.PORT),
        HOST: env.HOST,
        TRUSTED_PROXY_HOPS: String(env.TRUSTED_PROXY_HOPS),
        PAGE_CACHE_MAX_MB: String(env.PAGE_CACHE_MAX_MB),
        PAGE_CACHE_TTL_SECONDS: String(env.PAGE_CACHE_TTL_SECONDS),
        RENDER_CONCURRENCY: String(env.RENDER_CONCURRENCY),
      },
    },
  );

  const url = `http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${env.PORT}`;
  let stopping = false;
  let exitCode = 0;
  const stop = (reason: string) => {
    if (stopping) return;
    stopping = true;
    log(`${reason}: stopping…`);
    child.kill("SIGTERM");
  };
  void waitForHealthy(url, { isAbandoned: () => stopping || child.exitCode !== null }).then((health) => {
    if (health.ok) return announce(url, Boolean(embedded));
    if (stopping || child.exitCode !== null) return;
    // A launcher that cannot show a working app says so and fails, rather than leave it half up.
    console.error(`[pactwatch] the app did not become healthy at ${url}/api/health within 150 s: ${health.lastProblem}. See its output above.`);
    exitCode = 1;
    stop("not healthy");
  });
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  child.on("exit", async (code, signal) => {
    await closeEmbedded();
    if (!stopping) log(`the app exited (${signal ?? `code ${code}`})`);
    process.exit(stopping ? exitCode : (code ?? 1));
  });
}

function announce(url: string, isEmbedded: boolean): void {
  log(`Pactwatch is running at ${url}`);
  if (isEmbedded) {
    log("demo accounts (embedded database only):");
    for (const account of demoAccounts) log(`  ${account.role.toLowerCase().padEnd(8)} ${account.email}  password: ${account.password}`);
  }
}

// Every expected failure (a busy data folder, an unreachable server…) is one line that names the
// cause and the fix; a stack would bury it. DEBUG=1 shows the stack for whoever fixes the tooling.
main().catch((error: unknown) => {
  console.error(`[pactwatch] ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
  process.exit(1);
});
