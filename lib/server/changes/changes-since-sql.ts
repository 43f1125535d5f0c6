import "server-only";
import { Prisma } from "../../generated/prisma/client";

// "What changed since" (decision 036): the developments Pactwatch published after an instant,
// newest first, as one ordered range of StatusChange_published_idx from now down to the instant
// (the keyset cursor starts it lower). Corrections, errata and retractions come from the
// corrections log's own statement (corrections-sql.ts).

/** Developments published (and still public, retracted ones marked) after `since`, before the cursor, newest first. */
export function addedSinceSql(since: Date, after: readonly [Date, string] | undefined, limit: number): Prisma.Sql {
  const cursor = after ? Prisma.sql`AND (sc."publishedAt", sc.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : Prisma.empty;
  return Prisma.sql`
    SELECT sc.id, sc."publishedAt", sc.status::text AS status, sc.state::text AS state, sc.headline,
      agreement.slug AS "agreementSlug", COALESCE(agreement."shortName", agreement.title) AS "agreementName",
      measure.slug AS "measureSlug", measure.title AS "measureTitle"
    FROM (
      SELECT sc.id FROM "StatusChange" sc
      WHERE sc."publishedAt" > ${since}::timestamptz AND sc.state IN ('PUBLISHED', 'RETRACTED') ${cursor}
      ORDER BY sc."publishedAt" DESC, sc.id DESC LIMIT ${limit}
    ) page
      JOIN "StatusChange" sc ON sc.id = page.id
      LEFT JOIN "Agreement" agreement ON agreement.id = sc."agreementId"
      LEFT JOIN "TradeMeasure" measure ON measure.id = sc."measureId"
    ORDER BY sc."publishedAt" DESC, sc.id DESC`;
}
