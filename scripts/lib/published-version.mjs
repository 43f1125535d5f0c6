// The page cache's reading of the database (decision 024): the published version and the next
// recorded instant at which a published change takes effect or any change occurs, in one round
// trip of three index probes. Read from where signed-out readers' pages read (the replica when
// DATABASE_REPLICA_URL is set), so a page rendered after this reading shows at least this much.
import pg from "pg";

export const PUBLISHED_VERSION_SQL = `SELECT
  (SELECT sum(n) FROM "PublishedVersion")::text AS version,
  LEAST(
    (SELECT min("effectiveTime") FROM "StatusChange" WHERE state = 'PUBLISHED' AND "effectiveTime" > now()),
    (SELECT min("occurredAt") FROM "StatusChange" WHERE "occurredAt" > now())
  ) AS "nextTransition"`;

/** A reader of the version over its own small pool; a slow or absent database fails it fast. */
export function createPublishedVersionReader(connectionString) {
  const pool = new pg.Pool({
    connectionString,
    max: 2,
    application_name: "pactwatch-page-cache",
    connectionTimeoutMillis: 1_000,
    query_timeout: 1_000,
    statement_timeout: 1_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection dropped by a restarting server is not a crash; the next read reconnects.
  pool.on("error", () => {});
  return {
    async read() {
      const { rows } = await pool.query(PUBLISHED_VERSION_SQL);
      const row = rows[0];
      if (!row || row.version === null) throw new Error("PublishedVersion is empty: run the migrations (npm run db:migrate)");
      return { version: row.version, nextTransition: row.nextTransition ? new Date(row.nextTransition) : null };
    },
    close: () => pool.end(),
  };
}
