import pg from "pg";
import { embeddedLocation, readServerAddress, serverUrl } from "../../prisma/tooling/embedded-address";

/**
 * The postgresql:// URL of the embedded database the app under test uses, from the address the
 * launcher writes into its data folder (docs/decisions/011), as commands find it. Browser journeys
 * use it only to stage what no page can make: rows written by an older version of the app, such as
 * a link stored before a canonicalisation rule existed.
 */
export function appDatabaseUrl(dataDir = process.env.E2E_DATA_DIR): string {
  if (!dataDir) throw new Error("E2E_DATA_DIR is not set: run the journeys through playwright.config.ts");
  const address = readServerAddress(embeddedLocation(dataDir).addressFile);
  if (!address) throw new Error(`no running Pactwatch serves the embedded database in ${dataDir}`);
  return serverUrl(address);
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
