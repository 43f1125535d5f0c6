// npm run db:generate-large -- --changes 1000000: fills DATABASE_URL (or, unset, the embedded
// database's data folder) with a synthetic dataset for measuring the reader's queries. Adds to
// what is there; run it on a database you can throw away.
import pg from "pg";
import { generateLargeDataset } from "../prisma/seed/generate-large-dataset";
import { seedStates } from "../prisma/seed/seed-database";
import { createDatabase } from "../lib/server/db";
import { getLauncherEnv } from "../lib/server/env";
import { openMigratedDatabase } from "./lib/open-database";

const log = (message: string) => console.log(`[db:generate-large] ${message}`);
const USAGE = "usage: npm run db:generate-large -- [--changes N] (default 1000000)";

function parseChanges(argv: string[]): number {
  const index = argv.indexOf("--changes");
  if (index === -1) return 1_000_000;
  const value = Number((argv[index + 1] ?? "").replaceAll("_", ""));
  if (!Number.isInteger(value) || value < 1) throw new Error(`--changes needs a positive whole number\n${USAGE}`);
  return value;
}

async function main(): Promise<void> {
  const changes = parseChanges(process.argv.slice(2));
  const target = await openMigratedDatabase(getLauncherEnv(), log);
  const url = target.url;
  // It writes in one transaction lasting minutes; through a running app's one embedded session
  // every page would wait that long (and time out), so it runs only on a folder of its own.
  if (target.viaRunningApp) {
    throw new Error("npm start is serving this embedded database, and the generator would block it for minutes: stop it first");
  }
  try {
    const database = createDatabase({ url, poolSize: 1, applicationName: "pactwatch-generate" });
    try {
      await seedStates(database, log);
    } finally {
      await database.$disconnect();
    }
    const client = new pg.Client({ connectionString: url, application_name: "pactwatch-generate" });
    await client.connect();
    try {
      log(`generating ${changes.toLocaleString("en")} status changes…`);
      const result = await generateLargeDataset(client, { changes, onProgress: log });
      log(
        `run ${result.run}: ${result.agreements} agreements, ${result.measures} measures, ${result.sources} sources, ` +
          `${result.changes} changes, ${result.citations} citations in ${result.seconds.toFixed(1)} s`,
      );
    } finally {
      await client.end();
    }
  } finally {
    await target.close();
  }
}

main().catch((error: Error) => {
  console.error(`[db:generate-large] ${error.message}`);
  process.exit(1);
});
