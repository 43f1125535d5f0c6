import "server-only";
import { Prisma } from "../../generated/prisma/client";
import type { TAgreementListQuery } from "../../schemas/reader-queries";
import { readDatabase } from "../read-database";
import { assertCan, type TActor } from "../permissions";
import { parseRows } from "../rows/parse-rows";
import { ZAgreementListRow } from "../rows/subject-list-row";
import { currentStatusJoin, toCurrentStatus } from "../status-sql";
import { keysetFor, subjectListSql, toKeysetPage } from "../subject-list-sql";
import { asOfFromQuery, type TAsOf } from "../as-of-sql";
import { epochOrLast, type TSortKey } from "../list-sort-sql";
import { agreementName } from "../../domain/subject-ref";

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
  { cursor, limit = 25, now = new Date(), asOf }: { cursor?: string; limit?: number; now?: Date; asOf?: TAsOf } = {},
) {
  assertCan(actor, "published:read");
  const database = await readDatabase(actor);
  // As of an instant (decision 029): the query's dates and wall times read in UTC unless the caller resolved them.
  const stood = asOf ?? asOfFromQuery(filters);
  const { sql, sort } = agreementListSql(filters, { cursor, limit, now: stood?.instant ?? now, asOf: stood });
  const rows = parseRows(ZAgreementListRow, await database.$queryRaw(sql));
  return {
    ...toKeysetPage(rows, limit, (row) => ({
      slug: row.slug,
      title: row.title,
      shortName: row.shortName,
      name: agreementName(row),
      kind: row.kind,
      signedOn: row.signedOn,
      parties: row.parties,
      current: toCurrentStatus(row),
    })),
    sort,
  };
}

/** The one statement behind listAgreements, and the sort it applies (exported for the plan tests). */
export function agreementListSql(filters: TAgreementListFilters, { cursor, limit, now, asOf }: { cursor?: string; limit: number; now: Date; asOf?: TAsOf }) {
  const sort = filters.sort ?? (filters.q ? "relevance" : "name");
  const shared = subjectListSql("agreementId", "a", filters, now, asOf);
  const { conditions } = shared;
  for (const code of filters.party ?? []) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "AgreementParty" ap JOIN "Party" p ON p.id = ap."partyId" WHERE ap."agreementId" = a.id AND p.code = ${code})`);
  }
  if (filters.kind?.length) conditions.push(Prisma.sql`a.kind = ANY(${filters.kind}::"AgreementKind"[])`);
  const sortKeys: Record<typeof sort, TSortKey> = {
    ...shared.sortKeys,
    name: { expression: Prisma.sql`lower(COALESCE(a."shortName", a.title))`, direction: "asc", type: "text" },
    signed: { expression: epochOrLast(Prisma.sql`a."signedOn"::timestamp`), direction: "desc", type: "number" },
  };
  const sortSql = keysetFor(sortKeys[sort], cursor);

  const sql = Prisma.sql`
    WITH ${shared.ctes} matched AS (
      SELECT a.id, a.slug, a.title, a."shortName", a.kind::text AS kind, a."signedOn", ${sortSql.key} AS "sortKey"
      FROM "Agreement" a WHERE ${Prisma.join(conditions, " AND ")}
    ), filtered AS (
      SELECT matched.*, count(*) OVER () AS total, ${shared.cut} AS "isTotalAtLeast" FROM matched
      ${shared.statusJoin}
    ), page AS (
      SELECT * FROM filtered WHERE ${sortSql.after} ORDER BY ${sortSql.order} LIMIT ${limit + 1}
    )
    SELECT page.*, current.*,
      COALESCE((SELECT json_agg(json_build_object('code', p.code, 'name', p.name) ORDER BY p.name)
        FROM "AgreementParty" ap JOIN "Party" p ON p.id = ap."partyId" WHERE ap."agreementId" = page.id), '[]'::json) AS parties
    FROM page ${currentStatusJoin("agreementId", Prisma.sql`page.id`, now, asOf)}
    ORDER BY ${sortSql.order} LIMIT ${limit + 1}`;
  return { sql, sort };
}

export type TAgreementList = Awaited<ReturnType<typeof listAgreements>>;
