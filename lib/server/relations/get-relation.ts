import "server-only";
import { Prisma } from "../../generated/prisma/client";
import { statusTimeline } from "../../domain/status-timeline";
import { getDatabase } from "../db";
import { AppError } from "../errors";
import { assertCan, type TActor } from "../permissions";
import { subjectHref } from "../../domain/subject-ref";
import { queryRows } from "../rows/parse-rows";
import { ZRelationPartyRow, ZRelationSubjectRow, ZRelationYearRow } from "../rows/relation-rows";
import { currentStatusOfEitherJoin, toCurrentStatus } from "../status-sql";
import { skeletonJsonSql } from "../subject-sql";

/** How many subjects get a lane of their own on the relation's timeline (the most recently active). */
export const MAX_TIMELINE_LANES = 8;

/** The two codes of a pair in the canonical (alphabetical) order used in addresses: JPN-KOR. */
export function canonicalPair(first: string, second: string): [string, string] {
  return first <= second ? [first, second] : [second, first];
}

/**
 * Everything between two parties, in one round trip for the subjects and one for the yearly
 * counts: shared agreements and measures either way with their current status, the skeletons of
 * the most recently active subjects for the merged timeline, and escalations and de-escalations
 * by year (in each development's own time zone). The merged history is paged separately.
 */
export async function getRelation(actor: TActor, codes: readonly [string, string], now: Date = new Date()) {
  assertCan(actor, "published:read");
  const [firstCode, secondCode] = canonicalPair(codes[0], codes[1]);
  const database = getDatabase();
  const [parties, subjects, years] = await Promise.all([
    queryRows(database, ZRelationPartyRow, Prisma.sql`SELECT code, name FROM "Party" WHERE code IN (${firstCode}, ${secondCode}) ORDER BY code`),
    queryRows(database, ZRelationSubjectRow, relationSubjectsSql(firstCode, secondCode, now)),
    queryRows(database, ZRelationYearRow, relationYearsSql(firstCode, secondCode)),
  ]);
  const [first, second] = parties;
  if (!first || !second) {
    const missing = [firstCode, secondCode].filter((code) => !parties.some((party) => party.code === code));
    throw new AppError("NOT_FOUND", `No party has the code ${missing.map((code) => `“${code}”`).join(" or ")}.`);
  }
  const items = subjects.map((row) => {
    const skeleton = row.skeleton;
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
      timeline: skeleton ? statusTimeline(skeleton, now) : null,
      skeleton,
    };
  });
  return {
    parties: [first, second] as const,
    pair: `${firstCode}-${secondCode}`,
    agreements: items.filter((item) => item.kind === "AGREEMENT"),
    measures: items.filter((item) => item.kind === "MEASURE"),
    /** Subjects with a lane on the merged timeline, most recently active first. */
    lanes: items.filter((item) => item.skeleton !== null),
    years,
  };
}

/** CTEs pair(first, second) and subjects: the agreements both parties are party to and the measures either imposes on the other. */
function relationScopeSql(firstCode: string, secondCode: string): Prisma.Sql {
  return Prisma.sql`
    pair AS (SELECT (SELECT id FROM "Party" WHERE code = ${firstCode}) AS first, (SELECT id FROM "Party" WHERE code = ${secondCode}) AS second),
    subjects AS (
      SELECT 'AGREEMENT' AS kind, a.id, a.slug, COALESCE(a."shortName", a.title) AS name, a.title, a.kind::text AS "agreementKind",
        NULL::text AS "measureType", NULL::text AS "imposingCode"
      FROM "Agreement" a, pair
      WHERE EXISTS (SELECT 1 FROM "AgreementParty" ap WHERE ap."agreementId" = a.id AND ap."partyId" = pair.first)
        AND EXISTS (SELECT 1 FROM "AgreementParty" ap WHERE ap."agreementId" = a.id AND ap."partyId" = pair.second)
      UNION ALL
      SELECT 'MEASURE', m.id, m.slug, m.title, m.title, NULL, m."measureType"::text, (SELECT code FROM "Party" WHERE id = m."imposingPartyId")
      FROM "TradeMeasure" m, pair
      WHERE (m."imposingPartyId" = pair.first AND EXISTS (SELECT 1 FROM "TradeMeasureTarget" t WHERE t."measureId" = m.id AND t."partyId" = pair.second))
         OR (m."imposingPartyId" = pair.second AND EXISTS (SELECT 1 FROM "TradeMeasureTarget" t WHERE t."measureId" = m.id AND t."partyId" = pair.first))
    )`;
}

/** The subjects of a relation with their current status and, for the most recently active, their skeletons (exported for the plan tests). */
export function relationSubjectsSql(firstCode: string, secondCode: string, now: Date): Prisma.Sql {
  const subjectsSql = relationScopeSql(firstCode, secondCode);
  return Prisma.sql`
      WITH ${subjectsSql}, latest AS (
        SELECT subjects.*, current.* FROM subjects
          ${currentStatusOfEitherJoin(Prisma.sql`CASE WHEN subjects.kind = 'AGREEMENT' THEN subjects.id END`, Prisma.sql`CASE WHEN subjects.kind = 'MEASURE' THEN subjects.id END`, now)}
      ), ranked AS (
        SELECT latest.*, row_number() OVER (ORDER BY latest."currentSince" DESC NULLS LAST, latest.id) AS lane FROM latest
      )
      SELECT ranked.kind, ranked.id, ranked.slug, ranked.name, ranked.title, ranked."agreementKind", ranked."measureType",
        ranked."imposingCode", ranked."currentId", ranked."currentStatus", ranked."sinceId", ranked."currentSince", ranked."currentEffectiveAt",
        ranked."currentPrecision", ranked."currentTimeZone",
        CASE WHEN ranked.lane > ${MAX_TIMELINE_LANES} THEN NULL
          WHEN ranked.kind = 'AGREEMENT' THEN ${skeletonJsonSql("agreementId", Prisma.sql`ranked.id`)}
          ELSE ${skeletonJsonSql("measureId", Prisma.sql`ranked.id`)} END AS skeleton
      FROM ranked ORDER BY ranked.lane`;
}

/** Escalations, de-escalations and neutral developments between the two parties, by year. */
export function relationYearsSql(firstCode: string, secondCode: string): Prisma.Sql {
  const subjectsSql = relationScopeSql(firstCode, secondCode);
  return Prisma.sql`
      WITH ${subjectsSql}, changes AS (
        SELECT h.* FROM subjects s CROSS JOIN LATERAL (
          SELECT sc.direction, sc."occurredAt", sc."timeZone" FROM "StatusChange" sc
          WHERE sc."agreementId" = s.id AND sc.state = 'PUBLISHED' AND s.kind = 'AGREEMENT'
          UNION ALL
          SELECT sc.direction, sc."occurredAt", sc."timeZone" FROM "StatusChange" sc
          WHERE sc."measureId" = s.id AND sc.state = 'PUBLISHED' AND s.kind = 'MEASURE') h
      )
      SELECT extract(year FROM "occurredAt" AT TIME ZONE "timeZone")::int AS year,
        count(*) FILTER (WHERE direction = 'ESCALATION')::int AS escalations,
        count(*) FILTER (WHERE direction = 'DE_ESCALATION')::int AS "deEscalations",
        count(*) FILTER (WHERE direction = 'NEUTRAL')::int AS neutral
      FROM changes GROUP BY 1 ORDER BY 1`;
}
