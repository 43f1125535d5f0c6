// npm run db:seed: loads the ISO states and the demo dataset into DATABASE_URL (or, unset,
// into the embedded database's data folder). Never creates the demo accounts on a server.
import path from "node:path";
import { startEmbeddedDatabase } from "../prisma/tooling/embedded-database";
import { applyMigrations } from "../prisma/tooling/migrations";
import { seedDemoAccounts, seedDemoData } from "../prisma/seed/seed-database";
import { createDatabase } from "../lib/server/db";
import { getLauncherEnv } from "../lib/server/env";

const log = (message: string) => console.log(`[db:seed] ${message}`);

async function main(): Promise<void> {
  const env = getLauncherEnv();
  const embedded = env.DATABASE_URL
    ? undefined
    : await startEmbeddedDatabase({ dataDir: path.resolve(env.PACTWATCH_DATA_DIR, "pglite"), maxConnections: 4 });
  const url = env.DATABASE_URL ?? embedded!.url;
  try {
    await applyMigrations(url, { onProgress: log });
    const database = createDatabase({ url, poolSize: 2, applicationName: "pactwatch-seed" });
    try {
      const result = await seedDemoData(database, log);
      log(result.loaded ? `loaded ${result.changes} developments and ${result.sources} sources` : "the demo data is already there: nothing to do");
      if (embedded) await seedDemoAccounts(database);
    } finally {
      await database.$disconnect();
    }
  } finally {
    await embedded?.close();
  }
}

main().catch((error: Error) => {
  console.error(`[db:seed] ${error.message}`);
  process.exit(1);
});
