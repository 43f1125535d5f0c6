import "server-only";
import { createDatabase, getDatabase, poolOf, type TDatabase } from "../db";
import { getLimitsEnv } from "../env";

// Exports read through a pool of their own, beside the app's: as many connections as exports may
// run at once (EXPORTS_CONCURRENT_TOTAL), with their own statement timeout. However many exports
// run and however slowly their clients read, the pool that serves pages and the API never waits
// for them (decision 017). It follows the app's database client (tests swap it), and is made on
// first use; a symbol on that client, not module state, because Next.js may load this module twice.
const EXPORT_DATABASE = Symbol.for("pactwatch.export-database");

type TWithExportDatabase = TDatabase & { [EXPORT_DATABASE]?: TDatabase };

/** The export pool of the app's current database. */
export function getExportDatabase(): TDatabase {
  const base = getDatabase() as TWithExportDatabase;
  if (!base[EXPORT_DATABASE]) {
    const { EXPORTS_CONCURRENT_TOTAL, EXPORT_STATEMENT_TIMEOUT_MS } = getLimitsEnv();
    const url = poolOf(base).options.connectionString;
    if (!url) throw new Error("the app's database client has no connection string to open the export pool with");
    const exports = createDatabase({ url, poolSize: EXPORTS_CONCURRENT_TOTAL, statementTimeoutMillis: EXPORT_STATEMENT_TIMEOUT_MS, applicationName: "pactwatch-export" });
    Object.defineProperty(base, EXPORT_DATABASE, { value: exports, configurable: true });
  }
  return base[EXPORT_DATABASE]!;
}

/** Closes the export pool of the app's current database, if one was opened (tests, before they drop it). */
export async function closeExportDatabase(): Promise<void> {
  const base = getDatabase() as TWithExportDatabase;
  const exports = base[EXPORT_DATABASE];
  if (!exports) return;
  delete base[EXPORT_DATABASE];
  await exports.$disconnect();
}
