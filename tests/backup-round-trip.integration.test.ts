import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { generateLargeDataset } from "../prisma/seed/generate-large-dataset";
import { seedDemoAccounts, seedDemoData } from "../prisma/seed/seed-database";
import { startEmbeddedDatabase } from "../prisma/tooling/embedded-database";
import { applyMigrations } from "../prisma/tooling/migrations";
import { openSession } from "../lib/server/auth/sessions";
import { exportRecord } from "../scripts/lib/record-export";
import { ImportError, importRecord } from "../scripts/lib/record-import";
import { primaryKey, RECORD_TABLES, schemaTables, SKIPPED_TABLES, tableSql, unplannedTables } from "../scripts/lib/record-tables";
import { createTestUser, createTestToken } from "./support/users";
import { databaseUrl, onServer } from "./support/server-template";
import { useTestDatabase } from "./support/test-database";

// Backup and restore (npm run db:export / db:import): the demo record plus a generated history
// of a few thousand changes goes out and into an empty database, and every row of every table
// comes back the same, generated columns and sequences included.

const source = useTestDatabase();
const GENERATED_CHANGES = 3_000;
const cleanups: (() => Promise<void>)[] = [];

/** Another empty, migrated database on the same kind of server as the test's own. */
async function emptyDatabase(): Promise<pg.Client> {
  const serverUrl = inject("testDatabaseServerUrl");
  const template = inject("testDatabaseTemplate");
  let url: string;
  if (serverUrl && template) {
    const name = `pactwatch_restore_${randomBytes(5).toString("hex")}`;
    await onServer(serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    url = databaseUrl(serverUrl, name);
    cleanups.push(() => onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  } else {
    const embedded = await startEmbeddedDatabase({ maxConnections: 2 });
    await applyMigrations(embedded.url);
    url = embedded.url;
    cleanups.push(embedded.close);
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  cleanups.push(() => client.end());
  return client;
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  cleanups.push(() => client.end());
  return client;
}

async function exportLines(client: pg.ClientBase, withSecrets: boolean): Promise<string[]> {
  const lines: string[] = [];
  await exportRecord(client, { withSecrets, writeLine: async (line) => void lines.push(line) });
  return lines;
}

async function* iterate(lines: string[]): AsyncGenerator<string> {
  yield* lines;
}

/** Every row of a table as PostgreSQL prints it (all columns, generated ones too), in key order. */
async function rowsOf(client: pg.ClientBase, table: string): Promise<string[]> {
  const key = (await primaryKey(client, table)).map((column) => tableSql(column.name)).join(", ");
  const { rows } = await client.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM ${tableSql(table)} t ORDER BY ${key}`);
  return rows.map((row) => row.row);
}

let sourceClient: pg.Client;

beforeAll(async () => {
  await seedDemoData(source.db);
  await seedDemoAccounts(source.db);
  const analyst = await createTestUser(source.db, "ANALYST");
  await createTestToken(source.db, analyst.id);
  await openSession(analyst.id);
  sourceClient = await connect(source.url);
  await generateLargeDataset(sourceClient, { changes: GENERATED_CHANGES, batchSize: 1_000 });
  // A merged source and a cancelling change: rows that point at rows of their own table.
  const [kept, merged] = (await sourceClient.query<{ id: string }>(`SELECT id FROM "Source" ORDER BY id DESC LIMIT 2`)).rows;
  await sourceClient.query(`UPDATE "Source" SET "mergedIntoId" = $1, "mergedAt" = now() WHERE id = $2`, [merged!.id, kept!.id]);
  // Values that do not survive a careless round trip: a big audit id, JSON with numbers and text.
  await sourceClient.query(`SELECT setval(pg_get_serial_sequence('"AuditEvent"', 'id'), 9007199254740993)`);
  await sourceClient.query(
    `INSERT INTO "AuditEvent" (action, "entityType", "entityId", after) VALUES ('test:round-trip', 'Test', 'x', '{"big": 12345678901234567890, "exact": 1.10, "text": "日本\\n\\"quoted\\""}')`,
  );
}, 600_000);

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
});

describe("backup and restore", () => {
  it("exports and skips every table on purpose", async () => {
    expect(await unplannedTables(sourceClient)).toEqual([]);
    const tables = await schemaTables(sourceClient);
    for (const table of [...RECORD_TABLES.map((entry) => entry.name), "Session", "RateLimit"]) expect(tables).toContain(table);
    expect(SKIPPED_TABLES).toContain("Session");
  });

  it("round-trips every row of every table exactly, with secrets", async () => {
    const lines = await exportLines(sourceClient, true);
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: "pactwatch-export", version: 1, withSecrets: true });
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ end: true });
    expect(lines.filter((line) => line.startsWith('{"t":"StatusChange","r":')).length).toBeGreaterThan(GENERATED_CHANGES);
    const target = await emptyDatabase();
    const counts = await importRecord(target, iterate(lines));
    for (const table of RECORD_TABLES) {
      const [original, restored] = [await rowsOf(sourceClient, table.name), await rowsOf(target, table.name)];
      expect(restored.length, table.name).toBe(original.length);
      expect(counts[table.name], table.name).toBe(original.length);
      expect(restored, table.name).toEqual(original);
    }
    // The derived tables are refilled by the triggers as the changes are written.
    const derived = await target.query<{ subjects: number; stored: number; differing: number }>(
      `SELECT (SELECT count(DISTINCT COALESCE("agreementId", "measureId")) FROM "StatusChange")::int AS subjects,
         (SELECT count(*) FROM "CurrentStatusPeriod" WHERE period = 0)::int AS stored,
         (SELECT count(*) FROM "Agreement" a WHERE (SELECT row(r.*)::text FROM pw_read_current_status(a.id, NULL, now()) r WHERE r."currentId" IS NOT NULL)
           IS DISTINCT FROM (SELECT row(l.*)::text FROM pw_current_status(a.id, NULL, now()) l))::int AS differing`,
    );
    expect(derived.rows[0]).toEqual({ subjects: derived.rows[0]!.stored, stored: expect.any(Number), differing: 0 });
    expect(derived.rows[0]!.stored).toBeGreaterThan(0);
    // Sessions end with the installation they belong to.
    expect((await target.query(`SELECT count(*)::int AS n FROM "Session"`)).rows[0].n).toBe(0);
    // New audit events continue after the highest restored id.
    const inserted = await target.query<{ id: string }>(`INSERT INTO "AuditEvent" (action, "entityType", "entityId") VALUES ('test:after', 'Test', 'y') RETURNING id::text`);
    expect(BigInt(inserted.rows[0]!.id)).toBeGreaterThan(9007199254740993n);
    const big = await target.query<{ after: string }>(`SELECT after::text FROM "AuditEvent" WHERE action = 'test:round-trip'`);
    expect(big.rows[0]!.after).toContain("12345678901234567890");
    expect(big.rows[0]!.after).toContain("1.10");

    // A second import into the now-filled database is refused, and writes nothing.
    const before = (await target.query(`SELECT count(*)::int AS n FROM "StatusChange"`)).rows[0].n;
    await expect(importRecord(target, iterate(lines))).rejects.toThrow(/^the target database is not empty: User \(\d+ rows\)/);
    expect((await target.query(`SELECT count(*)::int AS n FROM "StatusChange"`)).rows[0].n).toBe(before);
  });

  it("leaves password hashes and API tokens out unless asked, and restores the rest", async () => {
    const lines = await exportLines(sourceClient, false);
    expect(lines.some((line) => line.includes("passwordHash") || line.includes("$argon2"))).toBe(false);
    expect(lines.some((line) => line.startsWith('{"t":"ApiToken"'))).toBe(false);
    const target = await emptyDatabase();
    await importRecord(target, iterate(lines));
    const users = await target.query<{ email: string; passwordHash: string | null }>(`SELECT email, "passwordHash" FROM "User"`);
    expect(users.rows.length).toBe((await sourceClient.query(`SELECT 1 FROM "User"`)).rowCount);
    expect(users.rows.every((user) => user.passwordHash === null)).toBe(true);
    for (const table of ["StatusChange", "Citation", "Source", "Revision", "AuditEvent"]) {
      expect(await rowsOf(target, table), table).toEqual(await rowsOf(sourceClient, table));
    }
  });

  it("refuses a newer format, a truncated file and something that is not an export, with a clear message", async () => {
    const lines = await exportLines(sourceClient, false);
    const target = await emptyDatabase();
    const newer = [JSON.stringify({ ...JSON.parse(lines[0]!), version: 2 }), ...lines.slice(1)];
    await expect(importRecord(target, iterate(newer))).rejects.toThrow(/format version 2, newer than this Pactwatch reads \(1\): update Pactwatch/);
    await expect(importRecord(target, iterate(["hello"]))).rejects.toBeInstanceOf(ImportError);
    await expect(importRecord(target, iterate([]))).rejects.toThrow(/the file is empty/);
    expect((await target.query(`SELECT count(*)::int AS n FROM "User"`)).rows[0].n).toBe(0);
    await expect(importRecord(target, iterate(lines.slice(0, 50)))).rejects.toThrow(/truncated/);
  });
});
