import fs from "node:fs";
import pg from "pg";

/**
 * The postgresql:// URL of the embedded database the app under test uses, read from the app
 * process's environment (Linux /proc), found by its data folder. Browser journeys use it only to
 * stage what no page can make: rows written by an older version of the app, such as a link stored
 * before a canonicalisation rule existed.
 */
export function appDatabaseUrl(dataDir = process.env.E2E_DATA_DIR): string {
  if (!dataDir) throw new Error("E2E_DATA_DIR is not set: run the journeys through playwright.config.ts");
  for (const pid of fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    let environment: string;
    try {
      environment = fs.readFileSync(`/proc/${pid}/environ`, "utf8");
    } catch {
      continue;
    }
    const variables = environment.split("\0");
    if (!variables.includes(`PACTWATCH_DATA_DIR=${dataDir}`)) continue;
    const url = variables.find((variable) => variable.startsWith("DATABASE_URL=postgresql://"));
    if (url) return url.slice("DATABASE_URL=".length);
  }
  throw new Error(`no running Pactwatch process serves the embedded database in ${dataDir}`);
}

/** Runs `work` on one connection to the app's database, then closes it. */
export async function withAppDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: appDatabaseUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
