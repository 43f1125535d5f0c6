import "server-only";
import { z } from "zod";
import { Prisma } from "../../generated/prisma/client";
import type { MeasureType } from "../../generated/prisma/enums";
import type { TMeasureListQuery } from "../../schemas/reader-queries";
import { getDatabase } from "../db";
import { decodeCursor, encodeCursor } from "../keyset";
import { epochOrLast, keysetSql, type TSortKey } from "../list-sort-sql";
import { assertCan, type TActor } from "../permissions";
import { currentStatusJoin, toCurrentStatus, type TCurrentStatusColumns } from "../status-sql";

type TRow = TCurrentStatusColumns & {
  id: string;
  slug: string;
  title: string;
  measureType: MeasureType;
  announcedOn: Date | null;
  imposingParty: { code: string; name: string };
  targets: { code: string; name: string }[];
  sortKey: string | number;
  total: bigint;
};

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
  { cursor, limit = 25, now = new Date() }: { cursor?: string; limit?: number; now?: Date } = {},
) {
  assertCan(actor, "published:read");
  const sort = filters.sort ?? (filters.q ? "relevance" : "name");
  const query = filters.q ? Prisma.sql`websearch_to_tsquery('english', ${filters.q})` : null;
  const conditions: Prisma.Sql[] = [Prisma.sql`true`];
  if (query) {
    conditions.push(Prisma.sql`(m.search @@ ${query} OR m.id IN (
      SELECT sc."measureId" FROM "StatusChange" sc WHERE sc.search @@ ${query} AND sc.state = 'PUBLISHED' AND sc."measureId" IS NOT NULL))`);
  }
  for (const code of filters.party ?? []) conditions.push(Prisma.sql`(m."imposingPartyId" = ${partyId(code)} OR ${targets(code)})`);
  if (filters.imposing) conditions.push(Prisma.sql`m."imposingPartyId" = ${partyId(filters.imposing)}`);
  if (filters.target) conditions.push(targets(filters.target));
  if (filters.type?.length) conditions.push(Prisma.sql`m."measureType" = ANY(${filters.type}::"MeasureType"[])`);
  if (filters.range?.start || filters.range?.end) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "StatusChange" sc WHERE sc."measureId" = m.id AND sc.state = 'PUBLISHED'
      AND sc."effectiveTime" >= ${filters.range.start ?? new Date(-8.64e15)} AND sc."effectiveTime" < ${filters.range.end ?? new Date(8.64e15)})`);
  }
  // The current status is computed for every match only when it filters; otherwise for the page alone.
  const statusJoin = filters.status?.length
    ? Prisma.sql`${currentStatusJoin("measureId", Prisma.sql`matched.id`, now)} WHERE current."currentStatus" = ANY(${filters.status}::text[])`
    : Prisma.empty;
  const sortKeys: Record<typeof sort, TSortKey> = {
    name: { expression: Prisma.sql`lower(m.title)`, direction: "asc", type: "text" },
    relevance: {
      expression: query ? Prisma.sql`ts_rank(m.search, ${query}) + CASE WHEN m.search @@ ${query} THEN 1 ELSE 0 END` : Prisma.sql`0`,
      direction: "desc",
      type: "number",
    },
    recent: {
      expression: epochOrLast(Prisma.sql`(SELECT max(sc."effectiveTime") FROM "StatusChange" sc WHERE sc."measureId" = m.id AND sc.state = 'PUBLISHED' AND sc."effectiveTime" <= ${now})`),
      direction: "desc",
      type: "number",
    },
    announced: { expression: epochOrLast(Prisma.sql`m."announcedOn"::timestamp`), direction: "desc", type: "number" },
  };
  const sortSql = keysetSql(sortKeys[sort]);
  const after = cursor ? sortSql.after(decodeCursor(cursor, z.tuple([z.union([z.string(), z.number()]), z.uuid()]))) : Prisma.sql`true`;

  const rows = await getDatabase().$queryRaw<TRow[]>`
    WITH matched AS (
      SELECT m.id, m.slug, m.title, m."measureType"::text AS "measureType", m."announcedOn", m."imposingPartyId", ${sortSql.key} AS "sortKey"
      FROM "TradeMeasure" m WHERE ${Prisma.join(conditions, " AND ")}
    ), filtered AS (
      SELECT matched.*, count(*) OVER () AS total FROM matched
      ${statusJoin}
    ), page AS (
      SELECT * FROM filtered WHERE ${after} ORDER BY ${sortSql.order} LIMIT ${limit + 1}
    )
    SELECT page.*, current.*,
      (SELECT json_build_object('code', p.code, 'name', p.name) FROM "Party" p WHERE p.id = page."imposingPartyId") AS "imposingParty",
      COALESCE((SELECT json_agg(json_build_object('code', p.code, 'name', p.name) ORDER BY p.name)
        FROM "TradeMeasureTarget" t JOIN "Party" p ON p.id = t."partyId" WHERE t."measureId" = page.id), '[]'::json) AS targets
    FROM page ${currentStatusJoin("measureId", Prisma.sql`page.id`, now)}
    ORDER BY ${sortSql.order} LIMIT ${limit + 1}`;

  const items = rows.slice(0, limit).map((row) => ({
    slug: row.slug,
    title: row.title,
    name: row.title,
    measureType: row.measureType,
    announcedOn: row.announcedOn,
    imposingParty: row.imposingParty,
    targets: row.targets,
    current: toCurrentStatus(row),
  }));
  const last = rows[limit - 1];
  return {
    items,
    total: Number(rows[0]?.total ?? 0),
    sort,
    nextCursor: rows.length > limit && last ? encodeCursor([last.sortKey, last.id]) : null,
  };
}

export type TMeasureList = Awaited<ReturnType<typeof listMeasures>>;
