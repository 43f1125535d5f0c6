import { createHash, randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, defaultPaths, schemaDrift } from "../prisma/tooling/migrations";
import { startThrowawayDatabase, type ThrowawayDatabase } from "../prisma/tooling/throwaway-database";

// The offline migration tooling (docs/decisions/002-offline-migrations.md): the committed history
// matches schema.prisma, applies as Prisma would record it, and carries the hand-written rules.

const migrationsDir = defaultPaths.migrationsDir;

async function migrationFolders(): Promise<string[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
}

/** Every folder is in _prisma_migrations, finished, with the checksum `prisma migrate` computes. */
async function expectRecorded(databaseUrl: string, folders: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished: boolean }>(
      `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished
         FROM _prisma_migrations WHERE rolled_back_at IS NULL ORDER BY migration_name`,
    );
    const expected = await Promise.all(
      folders.map(async (name) => ({
        migration_name: name,
        checksum: createHash("sha256")
          .update(await readFile(path.join(migrationsDir, name, "migration.sql")))
          .digest("hex"),
        finished: true,
      })),
    );
    expect(rows).toEqual(expected);
  } finally {
    await client.end();
  }
}

async function expectAppliesOnceAndRecords(databaseUrl: string): Promise<void> {
  const folders = await migrationFolders();
  expect(folders.length).toBeGreaterThan(0);
  const progress: string[] = [];
  const applied = await applyMigrations(databaseUrl, { onProgress: (message) => progress.push(message) });
  expect(applied).toEqual(folders);
  expect(progress).toContain(`applying ${folders[0]} (1/${folders.length})`);
  await expectRecorded(databaseUrl, folders);
  expect(await applyMigrations(databaseUrl)).toEqual([]);
}

describe("the committed migration history", () => {
  it("matches prisma/schema.prisma (no drift)", { timeout: 60_000 }, async () => {
    expect(await schemaDrift()).toBe("");
  });
});

describe("applyMigrations on a fresh throwaway PGlite database", () => {
  let database: ThrowawayDatabase | undefined;
  afterAll(async () => database?.close());

  it("records every folder of prisma/migrations, and a second run applies nothing", { timeout: 60_000 }, async () => {
    database = await startThrowawayDatabase();
    await expectAppliesOnceAndRecords(database.url);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)("applyMigrations on a fresh database of TEST_DATABASE_URL's server", () => { // skipped on the embedded run: it needs a server to create a fresh database on (the server run of npm test covers it)
  const serverUrl = process.env.TEST_DATABASE_URL ?? "";
  const name = `pactwatch_test_${randomBytes(5).toString("hex")}`;
  const onServer = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  beforeAll(() => onServer(`CREATE DATABASE "${name}"`));
  afterAll(() => onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));

  it("records every folder of prisma/migrations, and a second run applies nothing", { timeout: 60_000 }, async () => {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    await expectAppliesOnceAndRecords(url.toString());
  });
});

describe("the rules the migrations add", () => {
  let database: ThrowawayDatabase | undefined;
  // PGlite serves one backend: one client keeps every statement on one connection.
  let client: pg.Client;
  const ids: Record<"party" | "agreement" | "measure", string> = { party: "", agreement: "", measure: "" };

  beforeAll(async () => {
    database = await startThrowawayDatabase();
    await applyMigrations(database.url);
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const insert = async (sql: string, values: unknown[]) =>
      (await client.query<{ id: string }>(sql, values)).rows[0]?.id ?? "";
    ids.party = await insert(
      `INSERT INTO "Party" (id, code, name, kind, "updatedAt") VALUES (gen_random_uuid(), 'JPN', 'Japan', 'STATE', now()) RETURNING id`,
      [],
    );
    ids.agreement = await insert(
      `INSERT INTO "Agreement" (id, slug, title, "shortName", kind, summary, "updatedAt")
       VALUES (gen_random_uuid(), 'gsomia', $1, 'GSOMIA', 'SECURITY', $2, now()) RETURNING id`,
      [
        "General Security of Military Information Agreement",
        "Lets Japan and South Korea share military intelligence on North Korea directly.",
      ],
    );
    ids.measure = await insert(
      `INSERT INTO "TradeMeasure" (id, slug, title, "imposingPartyId", "measureType", "updatedAt")
       VALUES (gen_random_uuid(), 'jp-export-controls', 'Export controls on fluorinated polyimide', $1, 'EXPORT_CONTROL', now())
       RETURNING id`,
      [ids.party],
    );
  }, 60_000);

  afterAll(async () => {
    await client?.end();
    await database?.close();
  });

  const insertChange = (subject: { agreementId?: string; measureId?: string }, status: string) =>
    client.query(
      `INSERT INTO "StatusChange" (id, "agreementId", "measureId", status, headline, "occurredAt", "effectiveTime", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, $3, 'A development', '2019-08-22', '2019-08-22', now())`,
      [subject.agreementId ?? null, subject.measureId ?? null, status],
    );

  it("accepts a status change that fits its subject", async () => {
    await expect(insertChange({ agreementId: ids.agreement }, "NOTICE_GIVEN")).resolves.toMatchObject({ rowCount: 1 });
    await expect(insertChange({ measureId: ids.measure }, "IN_FORCE")).resolves.toMatchObject({ rowCount: 1 });
  });

  it("refuses a status change with no subject", async () => {
    await expect(insertChange({}, "SIGNED")).rejects.toThrow(/StatusChange_one_subject_check/);
  });

  it("refuses an agreement status on a trade measure", async () => {
    await expect(insertChange({ measureId: ids.measure }, "NOTICE_GIVEN")).rejects.toThrow(
      /StatusChange_status_fits_subject_check/,
    );
  });

  it("refuses to change or delete an audit event", async () => {
    await client.query(
      `INSERT INTO "AuditEvent" (action, "entityType", "entityId") VALUES ('agreement:create', 'Agreement', $1)`,
      [ids.agreement],
    );
    await expect(client.query(`UPDATE "AuditEvent" SET action = 'agreement:edit'`)).rejects.toThrow(
      "AuditEvent is append-only",
    );
    await expect(client.query(`DELETE FROM "AuditEvent"`)).rejects.toThrow("AuditEvent is append-only");
  });

  it("fills the generated search column, so full-text search finds the agreement", async () => {
    const search = (query: string) =>
      client.query<{ title: string }>(
        `SELECT title FROM "Agreement" WHERE search @@ websearch_to_tsquery('english', $1)`,
        [query],
      );
    // "intelligence" is only in the summary; "GSOMIA" only in the short name.
    for (const query of ["intelligence", "GSOMIA", "military information"]) {
      const { rows } = await search(query);
      expect(rows.map((row) => row.title)).toEqual(["General Security of Military Information Agreement"]);
    }
  });
});
