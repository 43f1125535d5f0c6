import path from "node:path";
import { startEmbeddedDatabase } from "../../prisma/tooling/embedded-database";
import { applyMigrations } from "../../prisma/tooling/migrations";
import type { TLauncherEnv } from "../../lib/server/env";

/**
 * For one-off commands (seed, user admin): the server named by DATABASE_URL, or the embedded
 * database's data folder when it is unset, migrated. close() releases the embedded database.
 */
export async function openMigratedDatabase(env: TLauncherEnv, log: (message: string) => void) {
  const embedded = env.DATABASE_URL
    ? undefined
    : await startEmbeddedDatabase({ dataDir: path.resolve(env.PACTWATCH_DATA_DIR, "pglite"), maxConnections: 4 });
  const url = env.DATABASE_URL ?? embedded!.url;
  try {
    await applyMigrations(url, { onProgress: log });
  } catch (error) {
    await embedded?.close();
    throw error;
  }
  return { url, isEmbedded: Boolean(embedded), close: async () => embedded?.close() };
}
