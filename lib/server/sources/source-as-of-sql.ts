import "server-only";
import { Prisma } from "../../generated/prisma/client";
import { asOfChangesSql, type TAsOf } from "../as-of-sql";

// A source's citing developments as the record stood at an instant (decision 040): the versions
// that stood (asOfChangesSql, decision 029) whose own citations name the source, found by the GIN
// index on StatusChangeRecord.citations. The version's citations, not today's Citation rows: an
// entry corrected for a "wrong or missing source" cited the wrong one until the correction.

/**
 * The ids the source answers for: itself and the duplicates merged into it, since a version
 * recorded before a merge names the duplicate (a merge repoints the citations, and so opens versions).
 */
function answeringIdsSql(sourceId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT ${sourceId} AS id UNION ALL SELECT d.id FROM "Source" d WHERE d."mergedIntoId" = ${sourceId})`;
}

/** Whether the version `k` (a row of asOfChangesSql) cites the source: a containment probe per answering id, a bitmap scan of the GIN index. */
export function citesSourceSql(sourceId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`k."recordCitations" @> ANY(ARRAY(SELECT jsonb_build_array(jsonb_build_object('sourceId', ids.id)) FROM ${answeringIdsSql(sourceId)} ids))`;
}

/** Whether the source (aliased `alias`) was public by the instant (pw_source_known_from; an undated source counts), as asOfCitationsSql shows citations. */
export function sourcePublicBySql(asOf: TAsOf, alias = "s"): Prisma.Sql {
  const s = Prisma.raw(alias);
  return Prisma.sql`(${s}."publishedAt" IS NULL OR pw_source_known_from(${s}."publishedAt", ${s}."publishedPrecision") <= ${asOf.instant}::timestamptz)`;
}

/** The developments citing the source that stood at the instant, each in its version then with that version's citation of it (newest first). */
export function asOfCitingSql(sourceId: string, asOf: TAsOf, limit: number): Prisma.Sql {
  const id = Prisma.sql`${sourceId}::uuid`;
  return Prisma.sql`
    SELECT k.id, k.headline, k.status::text AS status, k.state::text AS state, k."occurredAt", k."occurredPrecision"::text AS "occurredPrecision",
      k."timeZone", cited.quote, cited.locator, cited.credibility, a.slug AS "agreementSlug", m.slug AS "measureSlug",
      COALESCE(a."shortName", a.title, m.title) AS "subjectName"
    FROM "Source" s CROSS JOIN (${asOfChangesSql(asOf)}) k
      CROSS JOIN LATERAL (
        SELECT c.quote, c.locator, c.credibility FROM jsonb_to_recordset(k."recordCitations") AS c("sourceId" uuid, quote text, locator text, credibility int, position int)
        WHERE c."sourceId" IN ${answeringIdsSql(id)} ORDER BY c.position LIMIT 1
      ) cited
      LEFT JOIN "Agreement" a ON a.id = k."agreementId" LEFT JOIN "TradeMeasure" m ON m.id = k."measureId"
    WHERE s.id = ${id} AND ${sourcePublicBySql(asOf)} AND ${citesSourceSql(id)}
    ORDER BY k."effectiveTime" DESC, k."occurredAt" DESC, k.id DESC LIMIT ${limit}`;
}

/** How many developments citing the source stood at the instant, and whether the source was public by then. */
export function asOfCitingCountSql(sourceId: string, asOf: TAsOf): Prisma.Sql {
  const id = Prisma.sql`${sourceId}::uuid`;
  return Prisma.sql`
    SELECT (SELECT count(*) FROM (${asOfChangesSql(asOf)}) k WHERE ${sourcePublicBySql(asOf)} AND ${citesSourceSql(id)})::int AS total,
      ${sourcePublicBySql(asOf)} AS "isPublic"
    FROM "Source" s WHERE s.id = ${id}`;
}

/** A list row's citing count at the instant (the row aliased `alias`): the developments that stood then citing it. */
export function asOfCitationCountSql(asOf: TAsOf, alias: string): Prisma.Sql {
  return Prisma.sql`(SELECT count(*) FROM (${asOfChangesSql(asOf)}) k WHERE ${citesSourceSql(Prisma.sql`${Prisma.raw(alias)}.id`)})::int`;
}
