import "server-only";
import { z } from "zod";
import { Prisma } from "../../generated/prisma/client";
import { boundedTimeline } from "../../domain/bounded-timeline";
import { readDatabase } from "../read-database";
import { decodeCursor, encodeCursor } from "../keyset";
import { epochOrLast, keysetSql } from "../list-sort-sql";
import { AppError } from "../errors";
import { assertCan, type TActor } from "../permissions";
import { queryRows } from "../rows/parse-rows";
import { ZRelationPartyRow, ZRelationSubjectRow, ZRelationYearRow, type TRelationSubjectRow } from "../rows/relation-rows";
import { currentStatusJoin, toCurrentStatus } from "../status-sql";
import { boundedSkeletonJsonSql, type TSkeletonChange } from "../subject-sql";
import { subjectHref } from "../../domain/subject-ref";

/** How many subjects get a lane of their own on the relation's timeline (the most recently active). */
export const MAX_TIMELINE_LANES = 8;

/**
 * How many of its latest published changes a lane of the relation's timeline draws (the subject's
 * own page draws SKELETON_WINDOW): eight lanes of 400 (the window then) were most of the page's 1.35 MB and of its
 * CPU. A lane with more starts later, and the caption says so.
 */
export const RELATION_LANE_WINDOW = 60;

/** The two codes of a pair in the canonical (alphabetical) order used in addresses: JPN-KOR. */
export function canonicalPair(first: string, second: string): [string, string] {
  return first <= second ? [first, second] : [second, first];
}

/** The three lists of a relation page: shared agreements, measures the first party imposes, measures the second imposes. */
export const RELATION_LISTS = ["agreements", "first", "second"] as const;
export type TRelationList = (typeof RELATION_LISTS)[number];

/** How many items each list of a relation gives per page (the most recently changed first). */
export const RELATION_PAGE_SIZE = 30;

const ZListCursor = z.tuple([z.number(), z.uuid()]);

type TRelationOptions = { now?: Date; limit?: number; cursors?: Partial<Record<TRelationList, string>> };

/**
 * Everything between two parties, in one round trip for the subjects and one for the yearly
 * counts: a keyset page of each list (shared agreements, measures either way; most recently
 * changed first, on (status since, id)) with its total, the skeletons of the most recently active
 * subjects for the merged timeline, and escalations and de-escalations by year (in each
 * development's own time zone). The merged history is paged separately.
 */
export async function getRelation(actor: TActor, codes: readonly [string, string], options: Date | TRelationOptions = {}) {
  assertCan(actor, "published:read");
  const { now = new Date(), limit = RELATION_PAGE_SIZE, cursors = {} } = options instanceof Date ? { now: options } : options;
  const [firstCode, secondCode] = canonicalPair(codes[0], codes[1]);
  const after = Object.fromEntries(RELATION_LISTS.map((list) => [list, cursors[list] ? decodeCursor(cursors[list], ZListCursor) : null])) as Record<TRelationList, readonly [number, string] | null>;
  const database = await readDatabase(actor);
  const [parties, subjects, years] = await Promise.all([
    queryRows(database, ZRelationPartyRow, Prisma.sql`SELECT code, name FROM "Party" WHERE code IN (${firstCode}, ${secondCode}) ORDER BY code`),
    queryRows(database, ZRelationSubjectRow, relationSubjectsSql(firstCode, secondCode, now, { limit, after })),
    queryRows(database, ZRelationYearRow, relationYearsSql(firstCode, secondCode)),
  ]);
  if (parties.length < 2) {
    const missing = [firstCode, secondCode].filter((code) => !parties.some((party) => party.code === code));
    throw new AppError("NOT_FOUND", `No party has the code ${missing.map((code) => `“${code}”`).join(" or ")}.`);
  }
  // A lane draws its bounded timeline, with markers from where it starts.
  const boundedTimelineOf = (skeleton: TSkeletonChange[], truncated: boolean) => {
    const { timeline, changes } = boundedTimeline(skeleton, truncated, now);
    return { timeline, skeleton: changes };
  };
  const toItem = (row: TRelationSubjectRow) => {
    const skeleton = row.skeleton ? row.skeleton.changes : null;
    return {
      kind: row.kind,
      slug: row.slug,
      name: row.name,
      title: row.title,
      href: subjectHref(row.kind, row.slug),
      agreementKind: row.agreementKind,
      measureType: row.measureType,
      imposingCode: row.imposingCode,
      current: toCurrentStatus(row),
      ...(skeleton ? { ...boundedTimelineOf(skeleton, row.skeleton!.truncated), skeletonTruncated: row.skeleton!.truncated } : { timeline: null, skeleton: null, skeletonTruncated: false }),
    };
  };
  const pageOf = (list: TRelationList) => {
    const rows = subjects.filter((row) => row.list === list && row.position !== null).sort((a, b) => Number(a.position) - Number(b.position));
    const last = rows[limit - 1];
    return {
      items: rows.slice(0, limit).map(toItem),
      total: Number(subjects.find((row) => row.list === list)?.total ?? 0),
      nextCursor: rows.length > limit && last ? encodeCursor([last.sortKey, last.id]) : null,
    };
  };
  const lists = { agreements: pageOf("agreements"), first: pageOf("first"), second: pageOf("second") };
  return {
    parties: parties as [{ code: string; name: string }, { code: string; name: string }],
    pair: `${firstCode}-${secondCode}`,
    /** Each list's page: its items, how many there are in all, and the cursor of the next page. */
    lists,
    agreements: lists.agreements.items,
    /** The pages of measures either way (the first party's, then the second's). */
    measures: [...lists.first.items, ...lists.second.items],
    /** Subjects with a lane on the merged timeline, most recently active first. */
    lanes: subjects.filter((row) => row.skeleton !== null).sort((a, b) => Number(a.lane) - Number(b.lane)).map(toItem),
    years,
  };
}

/**
 * CTEs pair(first, second) and scope(list, kind, id): the agreements both parties are party to
 * (the two parties' rows of AgreementParty intersected) and the measures either imposes on the
 * other (the imposer's measures, by imposingPartyId, among the other's targets). Ids only, each
 * from its (partyId, …) index, never by scanning every agreement or measure.
 */
function relationScopeSql(firstCode: string, secondCode: string): Prisma.Sql {
  const imposedOn = (list: "first" | "second", imposer: Prisma.Sql, target: Prisma.Sql) => Prisma.sql`
      SELECT ${list} AS list, 'MEASURE' AS kind, t."measureId" AS id FROM "TradeMeasureTarget" t
      WHERE t."partyId" = (SELECT ${target} FROM pair)
        AND t."measureId" IN (SELECT m.id FROM "TradeMeasure" m WHERE m."imposingPartyId" = (SELECT ${imposer} FROM pair))`;
  return Prisma.sql`
    pair AS MATERIALIZED (SELECT (SELECT id FROM "Party" WHERE code = ${firstCode}) AS first, (SELECT id FROM "Party" WHERE code = ${secondCode}) AS second),
    scope AS (
      SELECT 'agreements' AS list, 'AGREEMENT' AS kind, shared."agreementId" AS id FROM (
        SELECT ap."agreementId" FROM "AgreementParty" ap WHERE ap."partyId" = (SELECT first FROM pair)
        INTERSECT
        SELECT ap."agreementId" FROM "AgreementParty" ap WHERE ap."partyId" = (SELECT second FROM pair)
      ) shared
      UNION ALL ${imposedOn("first", Prisma.sql`first`, Prisma.sql`second`)}
      UNION ALL ${imposedOn("second", Prisma.sql`second`, Prisma.sql`first`)}
    )`;
}

type TListAfter = Record<TRelationList, readonly [number, string] | null>;

/**
 * The subjects of a relation with their current status: a keyset page of each list ("position"
 * 1… limit + 1, null outside the page) and, with their skeletons, the most recently active few
 * ("lane" ≤ MAX_TIMELINE_LANES). Every subject of the pair is ranked on its id and stored status
 * (one CurrentStatusPeriod probe each, decision 026); only the chosen rows are joined to their
 * names and draw a skeleton, which reuses the status found here. Exported for the plan tests.
 */
export function relationSubjectsSql(firstCode: string, secondCode: string, now: Date, { limit = RELATION_PAGE_SIZE, after }: { limit?: number; after?: Partial<TListAfter> } = {}): Prisma.Sql {
  const keyset = keysetSql({ expression: Prisma.sql`"sortKey"`, direction: "desc", type: "number" });
  const inPage = Prisma.join(
    RELATION_LISTS.map((list) => {
      const cursor = after?.[list];
      return Prisma.sql`(list = ${list} AND ${cursor ? keyset.after(cursor) : Prisma.sql`true`})`;
    }),
    " OR ",
  );
  const laneCurrent = Prisma.sql`SELECT chosen."currentId", chosen."sinceId", chosen."currentSince"`;
  return Prisma.sql`
      WITH ${relationScopeSql(firstCode, secondCode)}, latest AS (
        SELECT scope.*, current.* FROM scope ${currentStatusJoin("agreementId", Prisma.sql`scope.id`, now)} WHERE scope.kind = 'AGREEMENT'
        UNION ALL
        SELECT scope.*, current.* FROM scope ${currentStatusJoin("measureId", Prisma.sql`scope.id`, now)} WHERE scope.kind = 'MEASURE'
      ), keyed AS (
        SELECT latest.*, ${epochOrLast(Prisma.sql`latest."currentSince"`)}::float8 AS "sortKey",
          count(*) OVER (PARTITION BY latest.list) AS total,
          row_number() OVER (ORDER BY latest."currentSince" DESC NULLS LAST, latest.id) AS lane
        FROM latest
      ), paged AS (
        SELECT keyed.id, row_number() OVER (PARTITION BY keyed.list ORDER BY ${keyset.order}) AS position FROM keyed WHERE ${inPage}
      ), chosen AS MATERIALIZED (
        SELECT keyed.*, paged.position FROM keyed LEFT JOIN paged ON paged.id = keyed.id
        WHERE paged.position <= ${limit + 1} OR keyed.lane <= ${MAX_TIMELINE_LANES}
      )
      SELECT chosen.list, chosen.kind, chosen.id, COALESCE(a.slug, m.slug) AS slug, COALESCE(a."shortName", a.title, m.title) AS name,
        COALESCE(a.title, m.title) AS title, a.kind::text AS "agreementKind", m."measureType"::text AS "measureType",
        CASE chosen.list WHEN 'first' THEN ${firstCode} WHEN 'second' THEN ${secondCode} END AS "imposingCode",
        chosen."currentId", chosen."currentStatus", chosen."sinceId", chosen."currentSince", chosen."currentEffectiveAt",
        chosen."currentPrecision", chosen."currentTimeZone", chosen."sortKey", chosen.total, chosen.lane, chosen.position,
        CASE WHEN chosen.lane > ${MAX_TIMELINE_LANES} THEN NULL
          WHEN chosen.kind = 'AGREEMENT' THEN ${boundedSkeletonJsonSql("agreementId", Prisma.sql`chosen.id`, now, RELATION_LANE_WINDOW, laneCurrent)}
          ELSE ${boundedSkeletonJsonSql("measureId", Prisma.sql`chosen.id`, now, RELATION_LANE_WINDOW, laneCurrent)} END AS skeleton
      FROM chosen
        LEFT JOIN "Agreement" a ON chosen.kind = 'AGREEMENT' AND a.id = chosen.id
        LEFT JOIN "TradeMeasure" m ON chosen.kind = 'MEASURE' AND m.id = chosen.id
      ORDER BY chosen.lane`;
}

/**
 * Escalations, de-escalations and neutral developments between the two parties, by year (in each
 * development's own time zone): the sum of the subjects' rows in DevelopmentYearCount, which
 * triggers keep in the same statement as every write — a few rows per subject, not every change
 * of the pair (68,000 at a million changes).
 */
export function relationYearsSql(firstCode: string, secondCode: string): Prisma.Sql {
  return Prisma.sql`
      WITH ${relationScopeSql(firstCode, secondCode)}
      SELECT y.year, sum(y.escalations)::int AS escalations, sum(y."deEscalations")::int AS "deEscalations", sum(y.neutral)::int AS neutral
      FROM scope s JOIN "DevelopmentYearCount" y ON y."subjectId" = s.id
      GROUP BY y.year HAVING sum(y.escalations + y."deEscalations" + y.neutral) > 0 ORDER BY y.year`;
}
