import "server-only";
import { Prisma } from "../../generated/prisma/client";
import type { TMeasureListQuery } from "../../schemas/reader-queries";
import { readDatabase } from "../read-database";
import { epochOrLast, type TSortKey } from "../list-sort-sql";
import { assertCan, type TActor } from "../permissions";
import { parseRows } from "../rows/parse-rows";
import { ZMeasureListRow } from "../rows/subject-list-row";
import { currentStatusJoin, toCurrentStatus } from "../status-sql";
import { keysetFor, subjectListSql, toKeysetPage } from "../subject-list-sql";
import { asOfFromQuery, type TAsOf } from "../as-of-sql";

export type TMeasureListFilters = Partial<Omit<TMeasureListQuery, "cursor" | "limit">>;

const partyId = (code: string) => Prisma.sql`(SELECT id FROM "Party" WHERE code = ${code})`;
const targets = (code: string) =>
  Prisma.sql`EXISTS (SELECT 1 FROM "TradeMeasureTarget" t JOIN "Party" p ON p.id = t."partyId" WHERE t."measureId" = m.id AND p.code = ${code})`;

/**
 * A page of trade measures matching the filters, with imposing and targeted parties and current
 * status, in one round trip. Text search reads title, products and summary and the measure's
 * published developments; keyset-paged on (sort key, id).
 */
export async function listMeasures(
  actor: TActor,
  filters: TMeasureListFilters = {},
  { cursor, limit = 25, now = new Date(), asOf }: { cursor?: string; limit?: number; now?: Date; asOf?: TAsOf } = {},
) {
  assertCan(actor, "published:read");
  const database = await readDatabase(actor);
  // As of an instant (decision 029): the query's dates and wall times read in UTC unless the caller resolved them.
  const stood = asOf ?? asOfFromQuery(filters);
  const { sql, sort } = measureListSql(filters, { cursor, limit, now: stood?.instant ?? now, asOf: stood });
  const rows = parseRows(ZMeasureListRow, await database.$queryRaw(sql));
  return {
    ...toKeysetPage(rows, limit, (row) => ({
      slug: row.slug,
      title: row.title,
      name: row.title,
      measureType: row.measureType,
      announcedOn: row.announcedOn,
      imposingParty: row.imposingParty,
      targets: row.targets,
      current: toCurrentStatus(row),
    })),
    sort,
  };
}

/** The one statement behind listMeasures, and the sort it applies (exported for the plan tests). */
export function measureListSql(filters: TMeasureListFilters, { cursor, limit, now, asOf }: { cursor?: string; limit: number; now: Date; asOf?: TAsOf }) {
  const sort = filters.sort ?? (filters.q ? "relevance" : "name");
  const shared = subjectListSql("measureId", "m", filters, now, asOf);
  const { conditions } = shared;
  for (const code of filters.party ?? []) conditions.push(Prisma.sql`(m."imposingPartyId" = ${partyId(code)} OR ${targets(code)})`);
  if (filters.imposing) conditions.push(Prisma.sql`m."imposingPartyId" = ${partyId(filters.imposing)}`);
  if (filters.target) conditions.push(targets(filters.target));
  if (filters.type?.length) conditions.push(Prisma.sql`m."measureType" = ANY(${filters.type}::"MeasureType"[])`);
  const sortKeys: Record<typeof sort, TSortKey> = {
    ...shared.sortKeys,
    name: { expression: Prisma.sql`lower(m.title)`, direction: "asc", type: "text" },
    announced: { expression: epochOrLast(Prisma.sql`m."announcedOn"::timestamp`), direction: "desc", type: "number" },
  };
  const sortSql = keysetFor(sortKeys[sort], cursor);

  const sql = Prisma.sql`
    WITH ${shared.ctes} matched AS (
      SELECT m.id, m.slug, m.title, m."measureType"::text AS "measureType", m."announcedOn", m."imposingPartyId", ${sortSql.key} AS "sortKey"
      FROM "TradeMeasure" m WHERE ${Prisma.join(conditions, " AND ")}
    ), filtered AS (
      SELECT matched.*, count(*) OVER () AS total, ${shared.cut} AS "isTotalAtLeast" FROM matched
      ${shared.statusJoin}
    ), page AS (
      SELECT * FROM filtered WHERE ${sortSql.after} ORDER BY ${sortSql.order} LIMIT ${limit + 1}
    )
    SELECT page.*, current.*,
      (SELECT json_build_object('code', p.code, 'name', p.name) FROM "Party" p WHERE p.id = page."imposingPartyId") AS "imposingParty",
      COALESCE((SELECT json_agg(json_build_object('code', p.code, 'name', p.name) ORDER BY p.name)
        FROM "TradeMeasureTarget" t JOIN "Party" p ON p.id = t."partyId" WHERE t."measureId" = page.id), '[]'::json) AS targets
    FROM page ${currentStatusJoin("measureId", Prisma.sql`page.id`, now, asOf)}
    ORDER BY ${sortSql.order} LIMIT ${limit + 1}`;

  return { sql, sort };
}

export type TMeasureList = Awaited<ReturnType<typeof listMeasures>>;
