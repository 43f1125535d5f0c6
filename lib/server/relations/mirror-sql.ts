import "server-only";
import { Prisma } from "../../generated/prisma/client";
import { relationScopeSql } from "./relation-sql";
import { asOfChangesSql, asOfOnRecordSql, type TAsOf } from "../as-of-sql";

// The statement of a relation's mirror view (get-mirror.ts), exported for the plan tests.

/** How many measures each way the mirror view pairs (the most recently announced): its work stays bounded. */
export const MIRROR_MEASURES_PER_SIDE = 100;

/**
 * One row: the pair's measures either way (the scope of the relation page, from the
 * (partyId, measureId) and imposingPartyId indexes), at most MIRROR_MEASURES_PER_SIDE each way,
 * with their announcement and entry into force as recorded on the measure and their first
 * published, uncancelled lifting (one probe each of the (measureId, state, effectiveTime) index),
 * as local dates; the RETALIATION_FOR links from those measures (Link_fromMeasureId index) and the
 * dismissed proposals among them (the unique (firstMeasureId, secondMeasureId) index).
 *
 * As of an instant (decision 040): only the measures on the record then (a development of theirs
 * stood), liftings from the versions that stood; on the recorded axis only the links and
 * dismissals made by then (their createdAt is their record time), on the known axis today's
 * judgments of the measures that stood (as a development shows today's version of what was known).
 */
export function mirrorSql(firstCode: string, secondCode: string, perSide = MIRROR_MEASURES_PER_SIDE, asOf?: TAsOf): Prisma.Sql {
  const onRecord = asOf ? Prisma.sql`WHERE ${asOfOnRecordSql("measureId", Prisma.sql`m.id`, asOf)}` : Prisma.empty;
  const changes = asOf ? Prisma.sql`(${asOfChangesSql(asOf)})` : Prisma.sql`"StatusChange"`;
  const judgedBy = (alias: string) =>
    asOf?.axis === "recorded" ? Prisma.sql`AND ${Prisma.raw(alias)}."createdAt" <= ${asOf.instant}::timestamptz` : Prisma.empty;
  return Prisma.sql`
      WITH ${relationScopeSql(firstCode, secondCode)}, ranked AS (
        SELECT measures.list, m.id, m.slug, m.title, m.version, m."measureType", m."announcedOn", m."effectiveOn",
          count(*) OVER () AS total,
          row_number() OVER (PARTITION BY measures.list ORDER BY COALESCE(m."announcedOn", m."effectiveOn") DESC NULLS LAST, m.id) AS rank
        FROM measures JOIN "TradeMeasure" m ON m.id = measures.id ${onRecord}
      ), chosen AS MATERIALIZED (
        SELECT ranked.*, CASE ranked.list WHEN 'first' THEN ${firstCode} ELSE ${secondCode} END AS "imposingCode",
          (SELECT to_char(sc."effectiveTime" AT TIME ZONE sc."timeZone", 'YYYY-MM-DD') FROM ${changes} sc
            WHERE sc."measureId" = ranked.id AND sc.state = 'PUBLISHED' AND sc.status = 'LIFTED' AND sc."cancelledFrom" IS NULL
            ORDER BY sc."effectiveTime" LIMIT 1) AS "liftedOn"
        FROM ranked WHERE ranked.rank <= ${perSide}
      )
      SELECT
        COALESCE((SELECT jsonb_agg(jsonb_build_object('id', c.id, 'slug', c.slug, 'title', c.title, 'imposingCode', c."imposingCode", 'version', c.version,
          'measureType', c."measureType"::text, 'announcedOn', to_char(c."announcedOn", 'YYYY-MM-DD'),
          'inForceOn', to_char(c."effectiveOn", 'YYYY-MM-DD'), 'liftedOn', c."liftedOn") ORDER BY c.id) FROM chosen c), '[]'::jsonb) AS measures,
        COALESCE((SELECT max(total)::int FROM chosen), 0) AS "totalMeasures",
        COALESCE((SELECT jsonb_agg(jsonb_build_object('answerId', l."fromMeasureId", 'originalId', l."toMeasureId") ORDER BY l.id)
          FROM "Link" l WHERE l."fromMeasureId" IN (SELECT id FROM chosen) AND l.type = 'RETALIATION_FOR'
            AND l."toMeasureId" IN (SELECT id FROM chosen) ${judgedBy("l")}), '[]'::jsonb) AS links,
        COALESCE((SELECT jsonb_agg(jsonb_build_object('firstMeasureId', d."firstMeasureId", 'secondMeasureId', d."secondMeasureId"))
          FROM "MirrorPairDismissal" d WHERE d."firstMeasureId" IN (SELECT id FROM chosen)
            AND d."secondMeasureId" IN (SELECT id FROM chosen) ${judgedBy("d")}), '[]'::jsonb) AS dismissals`;
}
