// npm start / npm run dev: brings up the database (embedded unless DATABASE_URL is set),
// applies migrations, loads demo data into a new embedded database, then serves the app.
import { spawn } from "node:child_process";
import path from "node:path";
import { startEmbeddedDatabase, type TEmbeddedDatabase } from "../prisma/tooling/embedded-database";
import { applyMigrations } from "../prisma/tooling/migrations";
import { demoAccounts } from "../prisma/seed/demo-accounts";
import { seedDemoAccounts, seedDemoData, seedStates } from "../prisma/seed/seed-database";
import { createDatabase } from "../lib/server/db";
import { getLauncherEnv } from "../lib/server/env";
import { resolveAuthSecret } from "./lib/auth-secret";
import { ensureProductionBuild } from "./lib/build";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const log = (message: string) => console.log(`[pactwatch] ${message}`);

async function main(): Promise<void> {
  const env = getLauncherEnv();
  let embedded: TEmbeddedDatabase | undefined;
  let databaseUrl = env.DATABASE_URL;

  if (!databaseUrl) {
    const dataDir = path.resolve(env.PACTWATCH_DATA_DIR, "pglite");
    log(`starting the embedded PostgreSQL in ${path.relative(process.cwd(), dataDir) || dataDir}…`);
    embedded = await startEmbeddedDatabase({ dataDir, maxConnections: 4 });
    databaseUrl = embedded.url;
  } else {
    log("using the PostgreSQL server named by DATABASE_URL");
  }
  const closeEmbedded = async () => embedded?.close().catch((error: Error) => log(`closing the embedded database: ${error.message}`));

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
  } catch (error) {
    console.error(`[pactwatch] ${(error as Error).message}`);
    await closeEmbedded();
    process.exit(1);
  }

  const child = spawn(
    process.execPath,
    ["scripts/serve.mjs", ...(mode === "dev" ? ["--dev"] : [])],
    {
      stdio: ["ignore", "inherit", "inherit"],
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        // PGlite is one database session: one connection keeps every query's protocol
        // messages together, and waiting for it is normal, not a fault.
        DATABASE_POOL_SIZE: embedded ? "1" : String(env.DATABASE_POOL_SIZE),
        ...(embedded ? { DATABASE_CONNECTION_TIMEOUT_MS: "120000" } : {}),
        PACTWATCH_EMBEDDED: embedded ? "1" : "0",
        AUTH_SECRET: process.env.AUTH_SECRET,
        ...(env.PUBLIC_URL ? { NEXTAUTH_URL: env.PUBLIC_URL } : {}),
        NEXT_TELEMETRY_DISABLED: "1",
        NODE_ENV: mode === "dev" ? "development" : "production",
        PORT: String(env.PORT),
        HOST: env.HOST,
        TRUSTED_PROXY_HOPS: String(env.TRUSTED_PROXY_HOPS),
      },
    },
  );

  const url = `http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${env.PORT}`;
  void announceWhenReady(url, Boolean(embedded));

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping…`);
    child.kill("SIGTERM");
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", async (code, signal) => {
    await closeEmbedded();
    if (!stopping) log(`the app exited (${signal ?? `code ${code}`})`);
    process.exit(stopping ? 0 : (code ?? 1));
  });
}

async function announceWhenReady(url: string, isEmbedded: boolean): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  log(`Pactwatch is running at ${url}`);
  if (isEmbedded) {
    log("demo accounts (embedded database only):");
    for (const account of demoAccounts) log(`  ${account.role.toLowerCase().padEnd(8)} ${account.email}  password: ${account.password}`);
  }
}

void main();
