// npm run db:datapackage -- [--output FILE | --output -] [--homepage URL]: writes the whole published
// record of DATABASE_URL (or, unset, the embedded database) as a Frictionless Data Package ZIP, the
// same file as /exports/pactwatch-datapackage.zip, with progress on stderr.
import fs from "node:fs";
import { pipeline } from "node:stream/promises";
import { createDatabase, setDatabase } from "../lib/server/db";
import { getLauncherEnv } from "../lib/server/env";
import { dataPackageZip } from "../lib/server/exports/datapackage/datapackage-zip";
import { openMigratedDatabase } from "./lib/open-database";

const log = (message: string) => console.error(`[db:datapackage] ${message}`);
const USAGE = "usage: npm run db:datapackage -- [--output FILE | --output -] [--homepage URL]";

function parseArguments(argv: string[]): { output: string; homepage: string } {
  let output = `pactwatch-datapackage-${new Date().toISOString().slice(0, 10)}.zip`;
  let homepage = "http://localhost:3000";
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (argument === "--output" && argv[index + 1]) output = argv[++index]!;
    else if (argument === "--homepage" && argv[index + 1]) homepage = argv[++index]!;
    else throw new Error(`unknown argument "${argument}"\n${USAGE}`);
  }
  return { output, homepage };
}

async function main(): Promise<void> {
  const { output, homepage } = parseArguments(process.argv.slice(2));
  const target = await openMigratedDatabase(getLauncherEnv(), log);
  // One connection: through a running app's embedded database the command shares its one session.
  const database = createDatabase({ url: target.url, poolSize: 1, applicationName: "pactwatch-datapackage" });
  setDatabase(database);
  const started = performance.now();
  try {
    const zip = dataPackageZip("system", {
      homepage,
      onProgress: ({ table, rows, isDone }) => log(`${table}: ${rows} rows${isDone ? ", done" : " …"}`),
    });
    await pipeline(zip, output === "-" ? process.stdout : fs.createWriteStream(output, { flags: "wx" }));
    log(`wrote ${output === "-" ? "standard output" : output} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await database.$disconnect();
    await target.close();
  }
}

main().catch((error: Error) => {
  log(error.message);
  process.exit(1);
});
