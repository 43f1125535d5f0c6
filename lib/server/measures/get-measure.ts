import "server-only";
import { Prisma } from "../../generated/prisma/client";
import { boundedTimeline } from "../../domain/bounded-timeline";
import { readDatabase } from "../read-database";
import { AppError } from "../errors";
import { assertCan, type TActor } from "../permissions";
import { parseRows } from "../rows/parse-rows";
import { ZBoundedSkeletonRow, ZMeasurePageRow } from "../rows/subject-page-row";
import { boundedSkeletonJsonSql, deriveBoundedStatus, linksJsonSql, toRelatedItems } from "../subject-sql";
import { resolveAsOfInput, type TAsOf } from "../as-of-sql";
import type { TAsOfQuery } from "../../schemas/as-of";
import { readAsOfSkeleton } from "../as-of-skeleton";

/**
 * A trade measure's page head in two round trips: fields, imposing and targeted parties, related
 * items and the bounded skeleton of its published history (boundedSkeletonJsonSql), from which the domain rules derive the current
 * status, pending and cancelled schedules and the timeline.
 */
export async function getMeasure(actor: TActor, slug: string, now: Date = new Date(), asOfOrQuery?: TAsOf | Partial<TAsOfQuery>) {
  assertCan(actor, "published:read");
  const database = await readDatabase(actor);
  const raw = await database.$queryRaw`
    SELECT m.id, m.slug, m.title, m."measureType"::text AS "measureType", m.products, m."hsCodes", m."announcedOn", m."effectiveOn",
      m."timeZone", m.summary, m."updatedAt",
      json_build_object('code', imposing.code, 'name', imposing.name) AS "imposingParty",
      COALESCE((SELECT json_agg(json_build_object('code', p.code, 'name', p.name) ORDER BY p.name)
        FROM "TradeMeasureTarget" t JOIN "Party" p ON p.id = t."partyId" WHERE t."measureId" = m.id), '[]'::json) AS targets,
      ${linksJsonSql("measure", Prisma.sql`m.id`)} AS related
    FROM "TradeMeasure" m JOIN "Party" imposing ON imposing.id = m."imposingPartyId"
    WHERE m.slug = ${slug}`;
  const measure = parseRows(ZMeasurePageRow, raw)[0];
  if (!measure) throw new AppError("NOT_FOUND", `No trade measure is recorded at “${slug}”.`);
  // As of an instant (decision 029) the page is derived at that instant from what stood then;
  // a query's dates and wall times are read in the measure's zone.
  const asOf = resolveAsOfInput(asOfOrQuery, measure.timeZone);
  if (asOf) now = asOf.instant;
  const { skeleton, history, status } = asOf ? await readAsOfSkeleton(database, "measureId", measure.id, asOf) : await presentSkeleton(database, measure.id, now);
  const { timeline, changes } = boundedTimeline(history, skeleton.truncated, now);
  const drawn = { timeline, skeleton: history, markers: changes };
  const { related, ...fields } = measure;
  return {
    ...fields,
    name: measure.title,
    status,
    ...drawn,
    skeletonTruncated: skeleton.truncated,
    related: toRelatedItems(related),
    /** The instant and axis read as of, or undefined for the present. */
    asOf,
  };
}

async function presentSkeleton(database: Awaited<ReturnType<typeof readDatabase>>, measureId: string, now: Date) {
  // A second statement, so the planner knows the subject: with its id as a value it reads a long
  // history's latest rows along the history index instead of sorting all of them (at 50 000 entries: 546 → 17–39 ms; the whole skeleton took 3.3 s).
  const { skeleton } = parseRows(ZBoundedSkeletonRow, await database.$queryRaw`
    SELECT ${boundedSkeletonJsonSql("measureId", Prisma.sql`${measureId}::uuid`, now)} AS skeleton`)[0]!;
  const history = skeleton.changes;
  return { skeleton, history, status: deriveBoundedStatus(skeleton, history, now) };
}

export type TMeasurePage = Awaited<ReturnType<typeof getMeasure>>;
