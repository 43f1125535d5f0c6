import "server-only";
import { z } from "zod";
import { Prisma } from "../../generated/prisma/client";
import type { TSourceListQuery } from "../../schemas/reader-queries";
import { readDatabase } from "../read-database";
import { ZRecordId } from "../../schemas/record-id";
import { decodeCursor, encodeCursor, ZCursorInstant } from "../keyset";
import { assertCan, type TActor } from "../permissions";
import { parseRows } from "../rows/parse-rows";
import { ZSourceListRow } from "../rows/source-rows";
import type { TAsOf } from "../as-of-sql";
import { asOfCitationCountSql, sourcePublicBySql } from "./source-as-of-sql";

export type TSourceListFilters = Partial<Omit<TSourceListQuery, "cursor" | "limit" | "asOf" | "axis">>;

/** A search by relevance ranks at most this many matching sources (the first the GIN index finds). */
export const SOURCE_CANDIDATES = 500;

// The first value is a title, a rank or (newest first) a publication instant or null.
const ZKey = z.tuple([z.union([z.string(), z.number(), z.null()]), ZRecordId]);
const ZNewestKey = z.tuple([z.union([ZCursorInstant, z.null()]), ZRecordId]);

/**
 * A page of sources (merged duplicates left out: they redirect to the source they were merged
 * into), with how often each is cited. Newest publication first (undated last), by title, or by
 * relevance with a search over title and publisher (ranking at most SOURCE_CANDIDATES matches);
 * keyset-paged on indexes, so a deep page of a hundred thousand sources costs what the first does.
 * As of an instant (decision 040): only sources public by then (undated ones kept), each counted
 * by the developments that stood then citing it, retired only if retired by then.
 */
export async function listSources(actor: TActor, filters: TSourceListFilters = {}, { cursor, limit = 25, asOf }: { cursor?: string; limit?: number; asOf?: TAsOf } = {}) {
  assertCan(actor, "published:read");
  const database = await readDatabase(actor);
  const { sql, sort } = sourceListSql(filters, { cursor, limit, asOf });
  const rows = parseRows(ZSourceListRow, await database.$queryRaw(sql));
  const last = rows[limit - 1];
  return {
    items: rows.slice(0, limit).map(({ sortKey: _key, isRankCut: _cut, ...source }) => source),
    sort,
    /** True when more than SOURCE_CANDIDATES sources match and the ranking covered only that many. */
    isRankCut: rows[0]?.isRankCut ?? false,
    nextCursor: rows.length > limit && last ? encodeCursor([last.sortKey, last.id]) : null,
  };
}

/** The one statement behind listSources, and the sort it applies (exported for the plan tests). */
export function sourceListSql(filters: TSourceListFilters, { cursor, limit, asOf }: { cursor?: string; limit: number; asOf?: TAsOf }) {
  const sort = filters.sort ?? (filters.q ? "relevance" : "newest");
  const query = filters.q ? Prisma.sql`websearch_to_tsquery('english', ${filters.q})` : null;
  const conditions: Prisma.Sql[] = [Prisma.sql`s."mergedIntoId" IS NULL`];
  if (query) conditions.push(Prisma.sql`s.search @@ ${query}`);
  if (filters.kind?.length) conditions.push(Prisma.sql`s.kind = ANY(${filters.kind}::"SourceKind"[])`);
  if (filters.reliability?.length) conditions.push(Prisma.sql`s.reliability = ANY(${filters.reliability}::"Reliability"[])`);
  if (filters.range?.start) conditions.push(Prisma.sql`s."publishedAt" >= ${filters.range.start}`);
  if (filters.range?.end) conditions.push(Prisma.sql`s."publishedAt" < ${filters.range.end}`);
  if (asOf) conditions.push(sourcePublicBySql(asOf));
  const key = cursor ? decodeCursor(cursor, ZKey) : null;
  const newestKey = cursor && sort !== "title" && !(sort === "relevance" && query) ? decodeCursor(cursor, ZNewestKey) : null;

  let page: Prisma.Sql;
  if (sort === "title") {
    const after = key ? Prisma.sql`(s.title, s.id) > (${String(key[0])}, ${key[1]}::uuid)` : Prisma.sql`true`;
    page = Prisma.sql`SELECT s.*, s.title AS "sortKey", false AS "isRankCut" FROM "Source" s WHERE ${Prisma.join(conditions, " AND ")} AND ${after}
      ORDER BY s.title, s.id LIMIT ${limit + 1}`;
  } else if (sort === "relevance" && query) {
    // Ranking needs every candidate's text: a word in a tenth of 100,000 sources read the whole
    // table (4,166 blocks, 20–230 ms) to rank ties. So the ranking covers the first
    // SOURCE_CANDIDATES matches the GIN index gives (in table order, the same set for every page
    // of the keyset), and says so when there were more; newest-first and by-title list them all.
    const rank = Prisma.sql`(ts_rank(s.search, ${query}))::float8`;
    const after = key ? Prisma.sql`(${rank}, s.id) < (${Number(key[0])}::float8, ${key[1]}::uuid)` : Prisma.sql`true`;
    page = Prisma.sql`WITH matches AS MATERIALIZED (
        -- Without ORDER BY or LIMIT the planner reads the GIN index; read only as far as the LIMIT below.
        SELECT s.* FROM "Source" s WHERE ${Prisma.join(conditions, " AND ")}
      ), candidates AS MATERIALIZED (
        SELECT first.*, row_number() OVER () AS position FROM (SELECT * FROM matches LIMIT ${SOURCE_CANDIDATES + 1}) first
      )
      SELECT s.*, ${rank} AS "sortKey", (SELECT count(*) > ${SOURCE_CANDIDATES} FROM candidates) AS "isRankCut"
      FROM candidates s WHERE s.position <= ${SOURCE_CANDIDATES} AND ${after}
      ORDER BY ${rank} DESC, s.id DESC LIMIT ${limit + 1}`;
  } else {
    // Newest first, undated last: the dated part of the index, then its undated part.
    const dated = newestKey === null || newestKey[0] !== null;
    const datedAfter = newestKey && newestKey[0] !== null ? Prisma.sql`(s."publishedAt", s.id) < (${newestKey[0]}::timestamptz, ${newestKey[1]}::uuid)` : Prisma.sql`true`;
    const undatedAfter = newestKey && newestKey[0] === null ? Prisma.sql`s.id < ${newestKey[1]}::uuid` : Prisma.sql`true`;
    const where = Prisma.join(conditions, " AND ");
    page = Prisma.sql`SELECT * FROM (
        (SELECT s.*, to_char(s."publishedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "sortKey", false AS "isRankCut", 0 AS phase FROM "Source" s
          WHERE ${where} AND s."publishedAt" IS NOT NULL AND ${dated ? datedAfter : Prisma.sql`false`}
          ORDER BY s."publishedAt" DESC, s.id DESC LIMIT ${limit + 1})
        UNION ALL
        (SELECT s.*, NULL, false, 1 FROM "Source" s WHERE ${where} AND s."publishedAt" IS NULL AND ${undatedAfter}
          ORDER BY s.id DESC LIMIT ${limit + 1})
      ) both_parts ORDER BY phase, "publishedAt" DESC NULLS LAST, id DESC LIMIT ${limit + 1}`;
  }
  const sql = Prisma.sql`
    SELECT page.id, page.url, page.title, page.publisher, page.authors, page."publishedAt", page.kind::text AS kind,
      page.reliability::text AS reliability, page."sortKey", page."isRankCut",
      ${asOf ? Prisma.sql`CASE WHEN page."retiredAt" <= ${asOf.instant}::timestamptz THEN page."retiredAt" END` : Prisma.sql`page."retiredAt"`} AS "retiredAt",
      ${asOf ? asOfCitationCountSql(asOf, "page") : Prisma.sql`(SELECT count(*) FROM "Citation" c WHERE c."sourceId" = page.id)::int`} AS citations
    FROM (${page}) page`;
  return { sql, sort };
}

export type TSourceList = Awaited<ReturnType<typeof listSources>>;
