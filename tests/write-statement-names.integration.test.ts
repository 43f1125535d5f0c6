import { describe, expect, it } from "vitest";
import { createDatabase } from "../lib/server/db";
import { preparesWriteStatements } from "../lib/server/env";
import { MAX_NAMED_STATEMENTS, MAX_NAMED_STATEMENT_LENGTH, namingWriteStatements, writeStatementNamer } from "../lib/server/write-statement-names";
import { runWriteTransaction } from "../lib/server/write-transaction";
import { isEmbeddedTestRun, useTestDatabase } from "./support/test-database";

// Decision 044: write transactions' statements go as named prepared statements on a server,
// reads stay unnamed, and no process names more than a bounded number of distinct statements.

const database = useTestDatabase();
const isEmbeddedRun = isEmbeddedTestRun();

describe("the statement namer", () => {
  it("names a statement only inside a write transaction, the same text always alike", async () => {
    const name = writeStatementNamer();
    expect(name({ sql: "SELECT 1" })).toBe("");
    const [first, again, other] = await namingWriteStatements(async () => [name({ sql: "SELECT 1" }), name({ sql: "SELECT 1" }), name({ sql: "SELECT 2" })]);
    expect(first).toMatch(/^pw_[0-9a-f]{32}$/);
    expect(again).toBe(first);
    expect(other).not.toBe(first);
    // The context ends with the transaction's work, also across awaits inside it.
    expect(await namingWriteStatements(async () => (await Promise.resolve(), name({ sql: "SELECT 3" })))).toMatch(/^pw_/);
    expect(name({ sql: "SELECT 3" })).toBe("");
  });

  it(`stops naming new statements after ${MAX_NAMED_STATEMENTS}, and never names one longer than ${MAX_NAMED_STATEMENT_LENGTH} characters`, async () => {
    const name = writeStatementNamer();
    await namingWriteStatements(async () => {
      const names = Array.from({ length: MAX_NAMED_STATEMENTS }, (_, n) => name({ sql: `SELECT ${n}` }));
      expect(new Set(names).size).toBe(MAX_NAMED_STATEMENTS);
      expect(name({ sql: "SELECT 'one too many'" })).toBe("");
      expect(name({ sql: "SELECT 0" })).toBe(names[0]);
    });
    await namingWriteStatements(async () => expect(writeStatementNamer()({ sql: `SELECT '${"x".repeat(MAX_NAMED_STATEMENT_LENGTH)}'` })).toBe(""));
  });

  it("is on unless DATABASE_PREPARED_STATEMENTS=off, and refuses anything else with the variable's name", () => {
    const saved = process.env.DATABASE_PREPARED_STATEMENTS;
    try {
      delete process.env.DATABASE_PREPARED_STATEMENTS;
      expect(preparesWriteStatements()).toBe(true);
      process.env.DATABASE_PREPARED_STATEMENTS = "off";
      expect(preparesWriteStatements()).toBe(false);
      process.env.DATABASE_PREPARED_STATEMENTS = "yes";
      expect(() => preparesWriteStatements()).toThrow(/DATABASE_PREPARED_STATEMENTS must be on or off/);
    } finally {
      if (saved === undefined) delete process.env.DATABASE_PREPARED_STATEMENTS;
      else process.env.DATABASE_PREPARED_STATEMENTS = saved;
    }
  });
});

describe("on a PostgreSQL server", () => {
  async function preparedOnTheConnection(prepares: boolean, work: (db: ReturnType<typeof createDatabase>) => Promise<unknown>) {
    // One connection, so what the work prepared is visible to the statement that lists it.
    const db = createDatabase({ url: database.url, poolSize: 1, applicationName: "pactwatch-test-names", preparesWriteStatements: prepares });
    try {
      await work(db);
      const rows = await db.$queryRaw<{ name: string; statement: string }[]>`SELECT name, statement FROM pg_prepared_statements`;
      return rows.map((row) => row.statement);
    } finally {
      await db.$disconnect();
    }
  }

  it.skipIf(isEmbeddedRun)("prepares a write transaction's statements once per connection and leaves reads unnamed", async () => { // skipped on the embedded run only: its one session must not prepare statements (decision 003); the server run of npm test checks them
    const statements = await preparedOnTheConnection(true, async (db) => {
      for (let n = 0; n < 3; n++) {
        await runWriteTransaction(async (tx) => tx.$queryRaw`SELECT count(*)::int AS n FROM "Agreement" WHERE slug = ${`named-${n}`}`, { database: db });
      }
      await db.$queryRaw`SELECT count(*)::int AS n FROM "Party" WHERE code = ${"KOR"}`;
    });
    expect(statements.filter((sql) => sql.includes(`FROM "Agreement" WHERE slug`))).toHaveLength(1);
    expect(statements.some((sql) => sql.includes(`FROM "Party"`))).toBe(false);
    expect(statements).toContain("BEGIN");
  });

  it.skipIf(isEmbeddedRun)("prepares nothing when the client was made without it, as on the embedded database", async () => { // skipped on the embedded run only: its one session must not prepare statements (decision 003); the server run of npm test checks them
    const statements = await preparedOnTheConnection(false, (db) =>
      runWriteTransaction(async (tx) => tx.$queryRaw`SELECT count(*)::int AS n FROM "Agreement" WHERE slug = ${"unnamed"}`, { database: db }),
    );
    expect(statements).toEqual([]);
  });

  it.skipIf(isEmbeddedRun)("keeps a prepared statement working after a rolled-back transaction on the same connection", async () => { // skipped on the embedded run only: its one session must not prepare statements (decision 003); the server run of npm test checks them
    const db = createDatabase({ url: database.url, poolSize: 1, applicationName: "pactwatch-test-names", preparesWriteStatements: true });
    try {
      const lookUp = () => runWriteTransaction(async (tx) => tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Agreement" WHERE slug = ${"after-rollback"}`, { database: db });
      await expect(
        runWriteTransaction(async (tx) => {
          await tx.$queryRaw`SELECT count(*)::int AS n FROM "Agreement" WHERE slug = ${"after-rollback"}`;
          throw new Error("roll back");
        }, { database: db }),
      ).rejects.toThrow("roll back");
      expect(await lookUp()).toEqual([{ n: 0 }]);
    } finally {
      await db.$disconnect();
    }
  });
});
