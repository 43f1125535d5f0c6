// npm run db:export -- [--output FILE] [--with-secrets]: writes the whole record of DATABASE_URL
// (or, unset, the embedded database) as versioned JSON Lines (decision 014), progress on stderr.
// Without --with-secrets, password hashes and API tokens stay out: restored accounts then need
// a password reset (or single sign-on). `--output -` writes to standard output.
import fs from "node:fs";
import { once } from "node:events";
import pg from "pg";
import { getLauncherEnv } from "../lib/server/env";
import { openMigratedDatabase } from "./lib/open-database";
import { exportRecord } from "./lib/record-export";

const log = (message: string) => console.error(`[db:export] ${message}`);
const USAGE = "usage: npm run db:export -- [--output FILE | --output -] [--with-secrets]";

function parseArguments(argv: string[]): { output: string; withSecrets: boolean } {
  let output = `pactwatch-export-${new Date().toISOString().replace(/[:.]/g, "-")}.jsonl`;
  let withSecrets = false;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (argument === "--with-secrets") withSecrets = true;
    else if (argument === "--output" && argv[index + 1]) output = argv[++index]!;
    else throw new Error(`unknown argument "${argument}"\n${USAGE}`);
  }
  return { output, withSecrets };
}

async function main(): Promise<void> {
  const { output, withSecrets } = parseArguments(process.argv.slice(2));
  const target = await openMigratedDatabase(getLauncherEnv(), log);
  const client = new pg.Client({ connectionString: target.url, application_name: "pactwatch-export" });
  const stream = output === "-" ? process.stdout : fs.createWriteStream(output, { flags: "wx" });
  try {
    await client.connect();
    const started = performance.now();
    const trailer = await exportRecord(client, {
      withSecrets,
      onProgress: log,
      // Waits for the disk when its buffer is full, so memory stays flat.
      writeLine: async (line) => {
        if (!stream.write(`${line}\n`)) await once(stream, "drain");
      },
    });
    if (stream !== process.stdout) await new Promise<void>((resolve, reject) => (stream as fs.WriteStream).end((error?: Error | null) => (error ? reject(error) : resolve())));
    const total = Object.values(trailer.rows).reduce((sum, count) => sum + count, 0);
    log(`wrote ${total} rows of ${Object.keys(trailer.rows).length} tables to ${output === "-" ? "standard output" : output} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    if (!withSecrets) log("password hashes and API tokens were left out (--with-secrets keeps them): restored accounts need a password reset");
  } finally {
    await client.end().catch(() => {});
    await target.close();
  }
}

main().catch((error: Error) => {
  log(error.message);
  process.exit(1);
});
