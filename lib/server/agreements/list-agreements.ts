import "server-only";
import { z } from "zod";
import { Prisma } from "../../generated/prisma/client";
import type { AgreementKind } from "../../generated/prisma/enums";
import type { TAgreementListQuery } from "../../schemas/reader-queries";
import { getDatabase } from "../db";
import { decodeCursor, encodeCursor } from "../keyset";
import { assertCan, type TActor } from "../permissions";
import { currentStatusJoin, toCurrentStatus, type TCurrentStatusColumns } from "../status-sql";
import { epochOrLast, keysetSql, type TSortKey } from "../list-sort-sql";

type TRow = TCurrentStatusColumns & {
  id: string;
  slug: string;
  title: string;
  shortName: string | null;
  kind: AgreementKind;
  signedOn: Date | null;
  parties: { code: string; name: string }[];
  sortKey: string | number;
  total: bigint;
};

export type TAgreementListFilters = Partial<Omit<TAgreementListQuery, "cursor" | "limit">>;

/**
 * A page of agreements matching the filters, with parties and current status, in one round trip.
 * Text search reads the agreement's own words and the headlines and bodies of its published
 * developments ("intelligence pact" finds GSOMIA through them). Sorted by relevance (with a
 * search), name, latest change or signature date; keyset-paged on (sort key, id).
 */
export async function listAgreements(
  actor: TActor,
  filters: TAgreementListFilters = {},
  { cursor, limit = 25, now = new Date() }: { cursor?: string; limit?: number; now?: Date } = {},
) {
  assertCan(actor, "published:read");
  const sort = filters.sort ?? (filters.q ? "relevance" : "name");
  const query = filters.q ? Prisma.sql`websearch_to_tsquery('english', ${filters.q})` : null;
  const conditions: Prisma.Sql[] = [Prisma.sql`true`];
  if (query) {
    conditions.push(Prisma.sql`(a.search @@ ${query} OR a.id IN (
      SELECT sc."agreementId" FROM "StatusChange" sc WHERE sc.search @@ ${query} AND sc.state = 'PUBLISHED' AND sc."agreementId" IS NOT NULL))`);
  }
  for (const code of filters.party ?? []) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "AgreementParty" ap JOIN "Party" p ON p.id = ap."partyId" WHERE ap."agreementId" = a.id AND p.code = ${code})`);
  }
  if (filters.kind?.length) conditions.push(Prisma.sql`a.kind = ANY(${filters.kind}::"AgreementKind"[])`);
  if (filters.range?.start || filters.range?.end) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "StatusChange" sc WHERE sc."agreementId" = a.id AND sc.state = 'PUBLISHED'
      AND sc."effectiveTime" >= ${filters.range.start ?? new Date(-8.64e15)} AND sc."effectiveTime" < ${filters.range.end ?? new Date(8.64e15)})`);
  }
  // The current status is computed for every match only when it filters; otherwise for the page alone.
  const statusJoin = filters.status?.length
    ? Prisma.sql`${currentStatusJoin("agreementId", Prisma.sql`matched.id`, now)} WHERE current."currentStatus" = ANY(${filters.status}::text[])`
    : Prisma.empty;
  const sortKeys: Record<typeof sort, TSortKey> = {
    name: { expression: Prisma.sql`lower(COALESCE(a."shortName", a.title))`, direction: "asc", type: "text" },
    relevance: {
      expression: query ? Prisma.sql`ts_rank(a.search, ${query}) + CASE WHEN a.search @@ ${query} THEN 1 ELSE 0 END` : Prisma.sql`0`,
      direction: "desc",
      type: "number",
    },
    recent: {
      expression: epochOrLast(Prisma.sql`(SELECT max(sc."effectiveTime") FROM "StatusChange" sc WHERE sc."agreementId" = a.id AND sc.state = 'PUBLISHED' AND sc."effectiveTime" <= ${now})`),
      direction: "desc",
      type: "number",
    },
    signed: { expression: epochOrLast(Prisma.sql`a."signedOn"::timestamp`), direction: "desc", type: "number" },
  };
  const sortSql = keysetSql(sortKeys[sort]);
  const after = cursor ? sortSql.after(decodeCursor(cursor, z.tuple([z.union([z.string(), z.number()]), z.uuid()]))) : Prisma.sql`true`;

  const rows = await getDatabase().$queryRaw<TRow[]>`
    WITH matched AS (
      SELECT a.id, a.slug, a.title, a."shortName", a.kind::text AS kind, a."signedOn", ${sortSql.key} AS "sortKey"
      FROM "Agreement" a WHERE ${Prisma.join(conditions, " AND ")}
    ), filtered AS (
      SELECT matched.*, count(*) OVER () AS total FROM matched
      ${statusJoin}
    ), page AS (
      SELECT * FROM filtered WHERE ${after} ORDER BY ${sortSql.order} LIMIT ${limit + 1}
    )
    SELECT page.*, current.*,
      COALESCE((SELECT json_agg(json_build_object('code', p.code, 'name', p.name) ORDER BY p.name)
        FROM "AgreementParty" ap JOIN "Party" p ON p.id = ap."partyId" WHERE ap."agreementId" = page.id), '[]'::json) AS parties
    FROM page ${currentStatusJoin("agreementId", Prisma.sql`page.id`, now)}
    ORDER BY ${sortSql.order} LIMIT ${limit + 1}`;

  const items = rows.slice(0, limit).map((row) => ({
    slug: row.slug,
    title: row.title,
    shortName: row.shortName,
    name: row.shortName ?? row.title,
    kind: row.kind,
    signedOn: row.signedOn,
    parties: row.parties,
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

export type TAgreementList = Awaited<ReturnType<typeof listAgreements>>;
