// npm run db:seed: loads the ISO states and the demo dataset into DATABASE_URL (or, unset,
// into the embedded database's data folder). Never creates the demo accounts on a server.
import { seedDemoAccounts, seedDemoData } from "../prisma/seed/seed-database";
import { createDatabase } from "../lib/server/db";
import { getLauncherEnv } from "../lib/server/env";
import { openMigratedDatabase } from "./lib/open-database";

const log = (message: string) => console.log(`[db:seed] ${message}`);

async function main(): Promise<void> {
  const target = await openMigratedDatabase(getLauncherEnv(), log);
  const database = createDatabase({ url: target.url, poolSize: 1, applicationName: "pactwatch-seed" });
  try {
    const result = await seedDemoData(database, log);
    log(result.loaded ? `loaded ${result.changes} developments and ${result.sources} sources` : "the demo data is already there: nothing to do");
    if (target.isEmbedded) await seedDemoAccounts(database);
  } finally {
    await database.$disconnect();
    await target.close();
  }
}

main().catch((error: Error) => {
  console.error(`[db:seed] ${error.message}`);
  process.exit(1);
});
