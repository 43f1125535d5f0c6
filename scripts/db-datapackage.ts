// npm run db:datapackage -- [--output FILE | --output -] [--homepage URL] [--as-of INSTANT [--axis known|recorded]]:
// writes the whole published record of DATABASE_URL (or, unset, the embedded database) as a
// Frictionless Data Package ZIP, the same file as /exports/pactwatch-datapackage.zip (?asOf&axis),
// with progress on stderr. --as-of takes what asOf takes (dates and wall times in UTC).
import fs from "node:fs";
import { pipeline } from "node:stream/promises";
import { createDatabase, setDatabase } from "../lib/server/db";
import { getLauncherEnv } from "../lib/server/env";
import { AS_OF_MESSAGE, ZAsOfQuery } from "../lib/schemas/as-of";
import { asOfFromQuery, type TAsOf } from "../lib/server/as-of-sql";
import { dataPackageZip } from "../lib/server/exports/datapackage/datapackage-zip";
import { openMigratedDatabase } from "./lib/open-database";

const log = (message: string) => console.error(`[db:datapackage] ${message}`);
const USAGE = "usage: npm run db:datapackage -- [--output FILE | --output -] [--homepage URL] [--as-of INSTANT [--axis known|recorded]]";

function parseArguments(argv: string[]): { output?: string; homepage: string; asOf?: TAsOf } {
  let output: string | undefined;
  let homepage = "http://localhost:3000";
  let asOfText: string | undefined;
  let axis: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (argument === "--output" && argv[index + 1]) output = argv[++index]!;
    else if (argument === "--homepage" && argv[index + 1]) homepage = argv[++index]!;
    else if (argument === "--as-of" && argv[index + 1]) asOfText = argv[++index]!;
    else if (argument === "--axis" && argv[index + 1]) axis = argv[++index]!;
    else throw new Error(`unknown argument "${argument}"\n${USAGE}`);
  }
  if (axis !== undefined && asOfText === undefined) throw new Error(`--axis goes with --as-of\n${USAGE}`);
  // The same schema as the download's ?asOf&axis, so both read one instant alike.
  const parsed = ZAsOfQuery.safeParse({ asOf: asOfText, axis });
  if (!parsed.success) throw new Error(`${parsed.error.issues.map((issue) => `--${issue.path[0] === "asOf" ? "as-of" : "axis"}: ${issue.message}`).join("; ")}\n${AS_OF_MESSAGE}`);
  return { output, homepage, asOf: asOfFromQuery(parsed.data) };
}

function defaultOutput(asOf: TAsOf | undefined): string {
  return `pactwatch-datapackage-${asOf ? `as-of-${asOf.instant.toISOString().slice(0, 10)}-${asOf.axis}` : new Date().toISOString().slice(0, 10)}.zip`;
}

async function main(): Promise<void> {
  const { output: given, homepage, asOf } = parseArguments(process.argv.slice(2));
  const output = given ?? defaultOutput(asOf);
  const target = await openMigratedDatabase(getLauncherEnv(), log);
  // One connection: through a running app's embedded database the command shares its one session.
  const database = createDatabase({ url: target.url, poolSize: 1, applicationName: "pactwatch-datapackage" });
  setDatabase(database);
  const started = performance.now();
  try {
    if (asOf) log(`the record as of ${asOf.instant.toISOString()} (axis ${asOf.axis})`);
    const zip = dataPackageZip("system", {
      homepage,
      asOf,
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
