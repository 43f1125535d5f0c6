import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedDatabase, type TEmbeddedDatabase } from "../../prisma/tooling/embedded-database";
import { applyMigrations } from "../../prisma/tooling/migrations";
import { runCommand } from "./run-command";

// The hint a failed migration prints names a command that exists and works: the person reading
// it copies it, as here, rather than a tsx invocation that lacks the project's conditions.

let database: TEmbeddedDatabase;
let lastMigration = "";

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  database = await startEmbeddedDatabase();
  const applied = await applyMigrations(database.url);
  lastMigration = applied.at(-1) ?? "";
  // What a migration that failed half-way leaves: started, never finished.
  await sql(`UPDATE _prisma_migrations SET finished_at = NULL, logs = 'boom' WHERE migration_name = $1`, [lastMigration]);
}, 120_000);
afterAll(() => database?.close());

describe("npm run db:migrate after a failed migration", () => {
  it("names `npm run db:migrate:resolve`, and that command marks it rolled back", { timeout: 180_000 }, async () => {
    const env = { DATABASE_URL: database.url };
    const deploy = await runCommand("npm", ["run", "--silent", "db:migrate"], { env });
    expect(deploy.code).toBe(1);
    const hint = `run \`npm run db:migrate:resolve -- --rolled-back ${lastMigration}\`, then deploy again`;
    expect(deploy.stderr).toContain(hint);

    const resolve = await runCommand("npm", ["run", "--silent", "db:migrate:resolve", "--", "--rolled-back", lastMigration], { env });
    expect(resolve.stderr).toBe("");
    expect(resolve.stdout).toContain(`marked ${lastMigration} rolled back`);
    expect(resolve.code).toBe(0);
    const rows = await sql<{ rolled_back: boolean }>(
      `SELECT rolled_back_at IS NOT NULL AS rolled_back FROM _prisma_migrations WHERE migration_name = $1`,
      [lastMigration],
    );
    expect(rows).toEqual([{ rolled_back: true }]);
  });
});
