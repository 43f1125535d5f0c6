import { readdir } from "node:fs/promises";
import pg from "pg";
import { findLiveServer, serverUrl } from "../../prisma/tooling/embedded-address";
import { EmbeddedDatabaseBusyError, embeddedLocation, startEmbeddedDatabase } from "../../prisma/tooling/embedded-database";
import { applyMigrations, defaultPaths } from "../../prisma/tooling/migrations";
import type { TLauncherEnv } from "../../lib/server/env";

export type TOpenedDatabase = {
  url: string;
  isEmbedded: boolean;
  /** True when the commands share the embedded database a running `npm start` serves. */
  viaRunningApp: boolean;
  close: () => Promise<void>;
};

/**
 * For one-off commands (seed, user admin): the server named by DATABASE_URL, or else the embedded
 * database — through the running app's server when `npm start` serves it (docs/decisions/011),
 * or opened here when nothing holds its folder — migrated. close() releases what was opened here.
 *
 * Through the running app the command shares PGlite's one session: use one connection
 * (poolSize 1) and keep transactions short, since the app waits while one is open.
 */
export async function openMigratedDatabase(env: TLauncherEnv, log: (message: string) => void): Promise<TOpenedDatabase> {
  if (env.DATABASE_URL) {
    await applyMigrations(env.DATABASE_URL, { onProgress: log });
    return { url: env.DATABASE_URL, isEmbedded: false, viaRunningApp: false, close: async () => {} };
  }
  const { dataDir, addressFile } = embeddedLocation(env.PACTWATCH_DATA_DIR);
  const running = await findLiveServer(addressFile);
  if (running) {
    const url = serverUrl(running);
    await assertNothingPending(url);
    log(`using the embedded database that the running Pactwatch (process ${running.pid}) serves`);
    return { url, isEmbedded: true, viaRunningApp: true, close: async () => {} };
  }
  let embedded;
  try {
    embedded = await startEmbeddedDatabase({ dataDir, maxConnections: 4 });
  } catch (error) {
    if (!(error instanceof EmbeddedDatabaseBusyError)) throw error;
    throw new Error(
      `the embedded database in ${dataDir} is in use by process ${error.holderPid}, which does not serve it to ` +
        `commands (another command, or npm start still starting up): wait for it to finish and try again`,
    );
  }
  try {
    await applyMigrations(embedded.url, { onProgress: log });
  } catch (error) {
    await embedded.close();
    throw error;
  }
  return { url: embedded.url, isEmbedded: true, viaRunningApp: false, close: () => embedded.close() };
}

// The running app applied the migrations it knows when it started; a checkout updated since may
// have more. Applying them under the running app is `npm start`'s job, so say so instead.
async function assertNothingPending(url: string): Promise<void> {
  const entries = await readdir(defaultPaths.migrationsDir, { withFileTypes: true });
  const local = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  const client = new pg.Client({ connectionString: url, application_name: "pactwatch-command" });
  await client.connect();
  let applied: Set<string>;
  try {
    const { rows } = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    applied = new Set(rows.map((row) => row.migration_name));
  } finally {
    await client.end();
  }
  const pending = local.filter((name) => !applied.has(name)).sort();
  if (pending.length > 0) {
    throw new Error(
      `the running Pactwatch's embedded database lacks ${pending.length} migration(s) of this checkout ` +
        `(${pending.join(", ")}): restart npm start to apply them, then run this again`,
    );
  }
}
