import "server-only";
import { Prisma } from "../../generated/prisma/client";
import { epochOrLast, keysetSql } from "../list-sort-sql";
import { currentStatusJoin } from "../status-sql";
import { boundedSkeletonJsonSql } from "../subject-sql";
import { asOfChangesSql, type TAsOf } from "../as-of-sql";
import { asOfSkeletonJsonSql } from "../as-of-skeleton-sql";

// The statements of a relation page (get-relation.ts), exported for the plan tests: the pair's
// subjects ranked on their stored statuses (decision 026), the skeletons of the few with a
// timeline lane, and the yearly counts.

/** How many subjects get a lane of their own on the relation's timeline (the most recently active). */
export const MAX_TIMELINE_LANES = 8;

/**
 * How many of its latest published changes a lane of the relation's timeline draws (the subject's
 * own page draws SKELETON_WINDOW): eight lanes of 400 (the window then) were most of the page's 1.35 MB and of its
 * CPU. A lane with more starts later, and the caption says so.
 */
export const RELATION_LANE_WINDOW = 60;

/** The three lists of a relation page: shared agreements, measures the first party imposes, measures the second imposes. */
export const RELATION_LISTS = ["agreements", "first", "second"] as const;
export type TRelationList = (typeof RELATION_LISTS)[number];

/** How many items each list of a relation gives per page (the most recently changed first). */
export const RELATION_PAGE_SIZE = 30;

type TListAfter = Record<TRelationList, readonly [number, string] | null>;

/**
 * CTEs pair(first, second), shared(id) — the agreements both parties are party to, the two
 * parties' rows of AgreementParty merged on agreementId — and measures(list, id), those either
 * imposes on the other (the imposer's measures, by imposingPartyId, among the other's targets).
 * Ids only, each from its (partyId, …) index, never by scanning every agreement or measure.
 */
export function relationScopeSql(firstCode: string, secondCode: string): Prisma.Sql {
  const imposedOn = (list: "first" | "second", imposer: Prisma.Sql, target: Prisma.Sql) => Prisma.sql`
      SELECT ${list} AS list, t."measureId" AS id FROM "TradeMeasureTarget" t
      WHERE t."partyId" = (SELECT ${target} FROM pair)
        AND t."measureId" IN (SELECT m.id FROM "TradeMeasure" m WHERE m."imposingPartyId" = (SELECT ${imposer} FROM pair))`;
  return Prisma.sql`
    pair AS MATERIALIZED (SELECT (SELECT id FROM "Party" WHERE code = ${firstCode}) AS first, (SELECT id FROM "Party" WHERE code = ${secondCode}) AS second),
    shared AS (
      SELECT ap."agreementId" AS id FROM "AgreementParty" ap JOIN "AgreementParty" other ON other."agreementId" = ap."agreementId"
      WHERE ap."partyId" = (SELECT first FROM pair) AND other."partyId" = (SELECT second FROM pair)
    ),
    measures AS (${imposedOn("first", Prisma.sql`first`, Prisma.sql`second`)}
      UNION ALL ${imposedOn("second", Prisma.sql`second`, Prisma.sql`first`)}
    )`;
}

/**
 * The subjects of a relation with their current status: a keyset page of each list ("position"
 * 1… limit + 1, null outside the page) and the most recently active few ("lane" ≤
 * MAX_TIMELINE_LANES). Every subject of the pair is ranked on its id and stored status (one
 * CurrentStatusPeriod probe each); only the chosen rows are joined to their names.
 */
export function relationSubjectsSql(
  firstCode: string,
  secondCode: string,
  now: Date,
  { limit = RELATION_PAGE_SIZE, after, asOf }: { limit?: number; after?: Partial<TListAfter>; asOf?: TAsOf } = {},
): Prisma.Sql {
  const keyset = keysetSql({ expression: Prisma.sql`"sortKey"`, direction: "desc", type: "number" });
  const inPage = Prisma.join(
    RELATION_LISTS.map((list) => {
      const cursor = after?.[list];
      return Prisma.sql`(list = ${list} AND ${cursor ? keyset.after(cursor) : Prisma.sql`true`})`;
    }),
    " OR ",
  );
  return Prisma.sql`
      WITH ${relationScopeSql(firstCode, secondCode)}, latest AS (
        SELECT 'agreements' AS list, 'AGREEMENT' AS kind, shared.id, current.* FROM shared ${currentStatusJoin("agreementId", Prisma.sql`shared.id`, now, asOf)}
        UNION ALL
        SELECT measures.list, 'MEASURE', measures.id, current.* FROM measures ${currentStatusJoin("measureId", Prisma.sql`measures.id`, now, asOf)}
      ), keyed AS (
        SELECT latest.*, ${epochOrLast(Prisma.sql`latest."currentSince"`)}::float8 AS "sortKey" FROM latest
      ), ranked AS (
        -- One pass: each list's total, the lanes across lists, and each list's page after its cursor.
        SELECT keyed.*, ${inPage} AS "isInPage",
          count(*) OVER (PARTITION BY keyed.list) AS total,
          row_number() OVER (ORDER BY keyed."currentSince" DESC NULLS LAST, keyed.id) AS lane,
          row_number() OVER (PARTITION BY keyed.list, ${inPage} ORDER BY ${keyset.order}) AS rank
        FROM keyed
      ), chosen AS MATERIALIZED (
        SELECT ranked.*, CASE WHEN ranked."isInPage" THEN ranked.rank END AS position FROM ranked
        WHERE (ranked."isInPage" AND ranked.rank <= ${limit + 1}) OR ranked.lane <= ${MAX_TIMELINE_LANES}
      )
      SELECT chosen.list, chosen.kind, chosen.id, COALESCE(a.slug, m.slug) AS slug, COALESCE(a."shortName", a.title, m.title) AS name,
        COALESCE(a.title, m.title) AS title, a.kind::text AS "agreementKind", m."measureType"::text AS "measureType",
        CASE chosen.list WHEN 'first' THEN ${firstCode} WHEN 'second' THEN ${secondCode} END AS "imposingCode",
        chosen."currentId", chosen."currentStatus", chosen."sinceId", chosen."currentSince", chosen."currentEffectiveAt",
        chosen."currentPrecision", chosen."currentTimeZone", chosen."sortKey", chosen.total, chosen.lane, chosen.position
      FROM chosen
        LEFT JOIN "Agreement" a ON chosen.kind = 'AGREEMENT' AND a.id = chosen.id
        LEFT JOIN "TradeMeasure" m ON chosen.kind = 'MEASURE' AND m.id = chosen.id
      ORDER BY chosen.lane`;
}

/** A subject with a lane, and its current status as relationSubjectsSql found it. */
export type TLaneSubject = { kind: "AGREEMENT" | "MEASURE"; id: string; currentId: string | null; sinceId: string | null; currentSince: Date | null };

/**
 * The bounded skeletons of the lanes relationSubjectsSql chose, by id: a statement of its own
 * after the ranking (eight skeletons cost about as much as ranking the pair's subjects), and it
 * takes their current status from there rather than looking it up again.
 */
export function relationLanesSql(lanes: readonly TLaneSubject[], now: Date, asOf?: TAsOf): Prisma.Sql {
  if (asOf) return asOfRelationLanesSql(lanes, asOf);
  const laneCurrent = Prisma.sql`SELECT lane."currentId", lane."sinceId", lane."currentSince"`;
  const rows = JSON.stringify(lanes.map(({ kind, id, currentId, sinceId, currentSince }) => ({ kind, id, currentId, sinceId, currentSince: currentSince?.toISOString() ?? null })));
  return Prisma.sql`
      SELECT lane.id,
        CASE WHEN lane.kind = 'AGREEMENT' THEN ${boundedSkeletonJsonSql("agreementId", Prisma.sql`lane.id`, now, RELATION_LANE_WINDOW, laneCurrent)}
          ELSE ${boundedSkeletonJsonSql("measureId", Prisma.sql`lane.id`, now, RELATION_LANE_WINDOW, laneCurrent)} END AS skeleton
      FROM jsonb_to_recordset(${rows}::jsonb) AS lane(kind text, id uuid, "currentId" uuid, "sinceId" uuid, "currentSince" timestamptz)`;
}

/**
 * Escalations, de-escalations and neutral developments between the two parties, by year (in each
 * development's own time zone): the sum of the subjects' rows in DevelopmentYearCount, which
 * triggers keep in the same statement as every write — a few rows per subject, not every change
 * of the pair (68,000 at a million changes).
 */
export function relationYearsSql(firstCode: string, secondCode: string, asOf?: TAsOf): Prisma.Sql {
  if (asOf) return asOfRelationYearsSql(firstCode, secondCode, asOf);
  return Prisma.sql`
      WITH ${relationScopeSql(firstCode, secondCode)}, scope AS (SELECT id FROM shared UNION ALL SELECT id FROM measures)
      SELECT y.year, sum(y.escalations)::int AS escalations, sum(y."deEscalations")::int AS "deEscalations", sum(y.neutral)::int AS neutral
      FROM scope s JOIN "DevelopmentYearCount" y ON y."subjectId" = s.id
      GROUP BY y.year HAVING sum(y.escalations) + sum(y."deEscalations") + sum(y.neutral) > 0 ORDER BY y.year`;
}

/** The lanes' skeletons as the record stood at the instant (decision 029): the same window, from the versions that stood. */
function asOfRelationLanesSql(lanes: readonly TLaneSubject[], asOf: TAsOf): Prisma.Sql {
  const rows = JSON.stringify(lanes.map(({ kind, id }) => ({ kind, id })));
  return Prisma.sql`
      SELECT lane.id,
        CASE WHEN lane.kind = 'AGREEMENT' THEN ${asOfSkeletonJsonSql("agreementId", Prisma.sql`lane.id`, asOf, RELATION_LANE_WINDOW)}
          ELSE ${asOfSkeletonJsonSql("measureId", Prisma.sql`lane.id`, asOf, RELATION_LANE_WINDOW)} END AS skeleton
      FROM jsonb_to_recordset(${rows}::jsonb) AS lane(kind text, id uuid)`;
}

/**
 * The yearly counts as the record stood at the instant: DevelopmentYearCount holds the present
 * only, so they are counted from the versions that stood, one range of a subject's record history
 * index per subject of the pair (decision 036), by the year rule of the triggers (pw_year_of).
 */
function asOfRelationYearsSql(firstCode: string, secondCode: string, asOf: TAsOf): Prisma.Sql {
  return Prisma.sql`
      WITH ${relationScopeSql(firstCode, secondCode)}, counted AS (
        SELECT pw_year_of(k."occurredAt", k."timeZone") AS year, k.direction FROM shared s JOIN LATERAL (SELECT * FROM (${asOfChangesSql(asOf)}) k WHERE k."agreementId" = s.id) k ON true
        UNION ALL
        SELECT pw_year_of(k."occurredAt", k."timeZone"), k.direction FROM measures s JOIN LATERAL (SELECT * FROM (${asOfChangesSql(asOf)}) k WHERE k."measureId" = s.id) k ON true
      )
      SELECT year, (count(*) FILTER (WHERE direction = 'ESCALATION'))::int AS escalations,
        (count(*) FILTER (WHERE direction = 'DE_ESCALATION'))::int AS "deEscalations", (count(*) FILTER (WHERE direction = 'NEUTRAL'))::int AS neutral
      FROM counted GROUP BY year ORDER BY year`;
}
