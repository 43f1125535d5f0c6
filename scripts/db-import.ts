// npm run db:import -- FILE: loads an export (npm run db:export) into DATABASE_URL (or, unset,
// the embedded database), which must be empty; migrations are applied first. Progress on stderr.
import fs from "node:fs";
import readline from "node:readline";
import pg from "pg";
import { getLauncherEnv } from "../lib/server/env";
import { openMigratedDatabase } from "./lib/open-database";
import { ImportError, importRecord } from "./lib/record-import";

const log = (message: string) => console.error(`[db:import] ${message}`);
const USAGE = "usage: npm run db:import -- FILE   (a file written by npm run db:export; - reads standard input)";

async function main(): Promise<void> {
  const [file, ...rest] = process.argv.slice(2);
  if (!file || rest.length > 0) throw new ImportError(USAGE);
  if (file !== "-" && !fs.existsSync(file)) throw new ImportError(`no file at ${file}\n${USAGE}`);
  const target = await openMigratedDatabase(getLauncherEnv(), log);
  const client = new pg.Client({ connectionString: target.url, application_name: "pactwatch-import" });
  try {
    await client.connect();
    const started = performance.now();
    const input = file === "-" ? process.stdin : fs.createReadStream(file, { encoding: "utf8" });
    const counts = await importRecord(client, readline.createInterface({ input, crlfDelay: Infinity }), log);
    const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
    log(`imported ${total} rows of ${Object.keys(counts).length} tables in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await client.end().catch(() => {});
    await target.close();
  }
}

main().catch((error: Error) => {
  log(error instanceof ImportError ? error.message : `${error.message} (the target may hold part of the import: recreate it before trying again)`);
  process.exit(1);
});
