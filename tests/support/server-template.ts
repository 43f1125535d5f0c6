import { randomBytes } from "node:crypto";
import pg from "pg";
import { assertReachable } from "../../prisma/tooling/check-connection";
import { applyMigrations } from "../../prisma/tooling/migrations";

/** postgresql URL of another database on the same server. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs one statement on the server's maintenance connection. */
export async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A freshly migrated database to clone per test file, and how to drop it. */
export async function createTemplateDatabase(serverUrl: string) {
  await assertReachable(serverUrl);
  const name = `pactwatch_template_${randomBytes(4).toString("hex")}`;
  await onServer(serverUrl, `CREATE DATABASE "${name}"`);
  await applyMigrations(databaseUrl(serverUrl, name));
  return {
    name,
    drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
