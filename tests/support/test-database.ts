import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { startEmbeddedDatabase } from "../../prisma/tooling/embedded-database";
import { applyMigrations } from "../../prisma/tooling/migrations";
import { createDatabase, setDatabase, type TDatabase } from "../../lib/server/db";
import { databaseUrl, onServer } from "./server-template";

export type TTestDatabase = {
  url: string;
  db: TDatabase;
  /** True on PGlite: one session, so no two transactions ever overlap (a race test cannot race). */
  isEmbedded: boolean;
};

/**
 * Whether this run's integration tests use an in-memory PGlite (no server configured): known when
 * the file is collected, so a test that needs a server can be skipped with `it.skipIf`.
 */
export function isEmbeddedTestRun(): boolean {
  return !(inject("testDatabaseServerUrl") && inject("testDatabaseTemplate"));
}

/**
 * Gives the calling test file its own migrated database (a clone of the run's template on the
 * configured server, else an in-memory PGlite), makes it the app's database, and drops it after.
 */
export function useTestDatabase(): TTestDatabase {
  const handle = {} as TTestDatabase;
  let drop: () => Promise<void> = async () => {};
  let isEmbedded = false;

  beforeAll(async () => {
    const serverUrl = inject("testDatabaseServerUrl");
    const template = inject("testDatabaseTemplate");
    isEmbedded = isEmbeddedTestRun();
    handle.isEmbedded = isEmbedded;
    if (serverUrl && template) {
      const name = `pactwatch_test_${randomBytes(5).toString("hex")}`;
      await onServer(serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      handle.url = databaseUrl(serverUrl, name);
      drop = () => onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } else {
      const embedded = await startEmbeddedDatabase({ maxConnections: 6 });
      await applyMigrations(embedded.url);
      handle.url = embedded.url;
      drop = embedded.close;
    }
    // The embedded database is one session: one connection, as the app uses it (scripts/start.ts).
    handle.db = isEmbedded
      ? createDatabase({ url: handle.url, poolSize: 1, connectionTimeoutMillis: 120_000, applicationName: "pactwatch-test" })
      : // On a server, as the app runs there: write transactions' statements prepared (decision 044).
        createDatabase({ url: handle.url, poolSize: 4, applicationName: "pactwatch-test", preparesWriteStatements: true });
    setDatabase(handle.db);
  });

  afterAll(async () => {
    setDatabase(undefined);
    await handle.db?.$disconnect();
    await drop();
  });

  return handle;
}
