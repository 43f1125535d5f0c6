import "server-only";
import { Prisma } from "../../generated/prisma/client";
import { deriveStatus } from "../../domain/status-derivation";
import { statusTimeline } from "../../domain/status-timeline";
import { getDatabase } from "../db";
import { AppError } from "../errors";
import { assertCan, type TActor } from "../permissions";
import { parseRows } from "../rows/parse-rows";
import { ZMeasurePageRow } from "../rows/subject-page-row";
import { linksJsonSql, skeletonJsonSql, toRelatedItems } from "../subject-sql";

/**
 * A trade measure's page head in one round trip: fields, imposing and targeted parties, related
 * items and the skeleton of its published history, from which the domain rules derive the current
 * status, pending and cancelled schedules and the timeline.
 */
export async function getMeasure(actor: TActor, slug: string, now: Date = new Date()) {
  assertCan(actor, "published:read");
  const raw = await getDatabase().$queryRaw`
    SELECT m.id, m.slug, m.title, m."measureType"::text AS "measureType", m.products, m."hsCodes", m."announcedOn", m."effectiveOn",
      m."timeZone", m.summary, m."updatedAt",
      json_build_object('code', imposing.code, 'name', imposing.name) AS "imposingParty",
      COALESCE((SELECT json_agg(json_build_object('code', p.code, 'name', p.name) ORDER BY p.name)
        FROM "TradeMeasureTarget" t JOIN "Party" p ON p.id = t."partyId" WHERE t."measureId" = m.id), '[]'::json) AS targets,
      ${linksJsonSql("measure", Prisma.sql`m.id`)} AS related,
      ${skeletonJsonSql("measureId", Prisma.sql`m.id`)} AS skeleton
    FROM "TradeMeasure" m JOIN "Party" imposing ON imposing.id = m."imposingPartyId"
    WHERE m.slug = ${slug}`;
  const measure = parseRows(ZMeasurePageRow, raw)[0];
  if (!measure) throw new AppError("NOT_FOUND", `No trade measure is recorded at “${slug}”.`);
  const history = measure.skeleton;
  const { skeleton: _skeleton, related, ...fields } = measure;
  return {
    ...fields,
    name: measure.title,
    status: deriveStatus(history, now),
    timeline: statusTimeline(history, now),
    skeleton: history,
    related: toRelatedItems(related),
  };
}

export type TMeasurePage = Awaited<ReturnType<typeof getMeasure>>;
