// The benchmark's database: created on the server named by DATABASE_URL, migrated, and filled
// deterministically — ISO states, the demo data, the db:generate-large shape, and three single
// agreements with long histories (ISL–MLT, a pair the generator never uses).
import pg from "pg";
import { applyMigrations } from "../../prisma/tooling/migrations";
import { generateLargeDataset } from "../../prisma/seed/generate-large-dataset";
import { seedDemoData } from "../../prisma/seed/seed-database";
import { createDatabase } from "../../lib/server/db";

export type TFillPlan = { changes: number; histories: number[] };

/** The histories measured beside the generated data: 50 entries, a middle one deep enough to page 30+ times, a long one. */
export function fillPlan(changes: number): TFillPlan {
  const middle = Math.min(5_000, Math.max(2_000, Math.round(changes / 10)));
  const long = Math.min(50_000, Math.max(middle * 2, Math.round(changes / 2)));
  return { changes, histories: [50, middle, long] };
}

export const historySlug = (entries: number) => `bench-history-${entries}`;
const fillComment = (plan: TFillPlan) => `pactwatch bench fill complete: ${plan.changes} changes, histories ${plan.histories.join("/")}`;

/** The address of database `name` on the server of `serverUrl`. */
export function databaseUrlFor(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl, application_name: "pactwatch-bench" });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** True when database `name` exists and a previous fill of the same plan finished in it. */
export async function isFilled(serverUrl: string, name: string, plan: TFillPlan): Promise<boolean> {
  return withServer(serverUrl, async (client) => {
    const result = await client.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
      [name],
    );
    return result.rows[0]?.comment === fillComment(plan);
  });
}

/** VACUUM (ANALYZE) of a reused database: the write path of the previous run left rows in the GIN pending lists. */
export async function vacuumDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, application_name: "pactwatch-bench" });
  await client.connect();
  try {
    await client.query(`VACUUM (ANALYZE)`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Creates database `name` afresh and fills it; progress goes to `log`. */
export async function createAndFill(serverUrl: string, name: string, plan: TFillPlan, log: (message: string) => void): Promise<void> {
  await dropDatabase(serverUrl, name);
  await withServer(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = databaseUrlFor(serverUrl, name);
  await applyMigrations(url, { onProgress: (message) => log(`migrate: ${message}`) });
  const database = createDatabase({ url, poolSize: 2, applicationName: "pactwatch-bench" });
  try {
    const demo = await seedDemoData(database, (message) => log(`demo data: ${message}`));
    log(`demo data loaded (${JSON.stringify(demo)})`);
  } finally {
    await database.$disconnect();
  }
  const client = new pg.Client({ connectionString: url, application_name: "pactwatch-bench" });
  await client.connect();
  try {
    log(`generating ${plan.changes.toLocaleString("en")} status changes (the db:generate-large shape)…`);
    await generateLargeDataset(client, { changes: plan.changes, seed: 0.42, batchSize: 50_000, onProgress: (message) => log(`generate: ${message}`) });
    for (const entries of plan.histories) {
      await insertHistory(client, entries);
      log(`agreement ${historySlug(entries)} with ${entries.toLocaleString("en")} published entries`);
    }
    // As autovacuum leaves a database that has been running: statistics, the visibility map
    // (index-only scans) and the GIN indexes' pending lists merged. A bulk load without it has
    // its text-search indexes costed as if every new row had to be read from the pending list,
    // and the planner prefers sequential scans of StatusChange.
    log("VACUUM (ANALYZE)…");
    await client.query(`VACUUM (ANALYZE)`);
    await client.query(`COMMENT ON DATABASE "${name}" IS '${fillComment(plan)}'`);
  } finally {
    await client.end();
  }
}

/** One agreement between Iceland and Malta with `entries` published developments, one citation each. */
async function insertHistory(client: pg.Client, entries: number): Promise<void> {
  const slug = historySlug(entries);
  await client.query("BEGIN");
  try {
    const agreement = await client.query<{ id: string }>(
      `INSERT INTO "Agreement" (id, slug, title, kind, "signedOn", "timeZone", summary, "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, 'TRADE', date '1990-01-01', 'UTC', 'A benchmark agreement with a long history.', now())
       RETURNING id`,
      [slug, `Benchmark agreement with ${entries} entries`],
    );
    const agreementId = agreement.rows[0]!.id;
    await client.query(
      `INSERT INTO "AgreementParty" ("agreementId", "partyId") SELECT $1, id FROM "Party" WHERE code IN ('ISL', 'MLT')`,
      [agreementId],
    );
    await client.query(
      `INSERT INTO "Source" (id, url, title, publisher, kind, reliability, "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, 'Benchmark Wire', 'NEWS', 'B', now())`,
      [`https://generated.pactwatch.invalid/bench/${slug}`, `Report on ${slug}`],
    );
    // Oldest first, one day apart and ending yesterday; statuses cycle so the timeline has shape.
    await client.query(
      `WITH inserted AS (
         INSERT INTO "StatusChange" (id, "agreementId", status, headline, body, "occurredAt", "occurredPrecision", "timeZone",
           "effectiveTime", direction, state, "publishedAt", "createdAt", "updatedAt")
         SELECT gen_random_uuid(), $1,
           (ARRAY['NEGOTIATING','SIGNED','IN_FORCE','SUSPENDED','RESTORED']::text[])[1 + g % 5]::"Status",
           'Benchmark development ' || g || ' of ' || $3, 'Benchmark body number ' || g || '.',
           at, 'DAY', 'UTC', at, (ARRAY['ESCALATION','DE_ESCALATION','NEUTRAL']::text[])[1 + g % 3]::"Direction",
           'PUBLISHED', at + interval '1 hour', at, at
         FROM generate_series(1, $2::int) g, LATERAL (SELECT date_trunc('day', now()) - ($2::int - g + 1) * interval '1 day' AS at) d
         RETURNING id
       )
       INSERT INTO "Citation" (id, "statusChangeId", "sourceId", quote, locator, credibility, position)
       SELECT gen_random_uuid(), inserted.id, source.id, 'A benchmark quotation.', 'paragraph 1', 2, 0
       FROM inserted, (SELECT id FROM "Source" WHERE url = $4) source`,
      [agreementId, entries, slug, `https://generated.pactwatch.invalid/bench/${slug}`],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}
