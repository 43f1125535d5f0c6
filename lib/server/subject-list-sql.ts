import "server-only";
import { z } from "zod";
import { Prisma } from "../generated/prisma/client";
import { decodeCursor, encodeCursor } from "./keyset";
import { keysetSql, epochOrLast, type TSortKey } from "./list-sort-sql";
import { currentStatusOnlyJoin, type TSubjectColumn } from "./status-sql";

// What the agreement and measure lists share: text search that also reads the subject's
// published developments, the date-range and status filters, the relevance and recency sort
// keys, and cutting a keyset page.

/** At most this many matching developments are read to find the subjects a search names through them. */
export const DEVELOPMENT_CANDIDATES = 500;

type TSubjectListFilters = { q?: string; range?: { start: Date | null; end: Date | null }; status?: readonly string[] };

/**
 * SQL pieces for a list of subjects aliased `alias` ("a" for Agreement, "m" for TradeMeasure)
 * whose changes point at them through `column`. `statusJoin` goes after the matched rows
 * (aliased `matched`), so the status is computed for every match only when it filters.
 */
export function subjectListSql(column: TSubjectColumn, alias: "a" | "m", filters: TSubjectListFilters, now: Date) {
  const subject = Prisma.raw(alias);
  const changeColumn = Prisma.raw(`sc."${column}"`);
  const query = filters.q ? Prisma.sql`websearch_to_tsquery('english', ${filters.q})` : null;
  const conditions: Prisma.Sql[] = [Prisma.sql`true`];
  if (query) {
    // Subjects found through their developments come from at most DEVELOPMENT_CANDIDATES matching
    // developments: a word in a tenth of a million changes no longer reads every one of them
    // (400 MB of buffers) to list 25 subjects. Below the bound — every rare or ordinary word — the
    // set is exactly the old one. The matches are a MATERIALIZED CTE, planned without the LIMIT,
    // so through the GIN index, and read only as far as the LIMIT asks (a few hundred heap rows);
    // a plain LIMIT made the planner choose a sequential scan that stops early (decision 023).
    conditions.push(Prisma.sql`(${subject}.search @@ ${query} OR ${subject}.id IN (
      WITH matches AS MATERIALIZED (
        SELECT ${changeColumn} AS id FROM "StatusChange" sc WHERE sc.search @@ ${query} AND sc.state = 'PUBLISHED' AND ${changeColumn} IS NOT NULL
      )
      SELECT matches.id FROM matches LIMIT ${DEVELOPMENT_CANDIDATES}))`);
  }
  if (filters.range?.start || filters.range?.end) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "StatusChange" sc WHERE ${changeColumn} = ${subject}.id AND sc.state = 'PUBLISHED'
      AND sc."effectiveTime" >= ${filters.range.start ?? new Date(-8.64e15)} AND sc."effectiveTime" < ${filters.range.end ?? new Date(8.64e15)})`);
  }
  const statusJoin = filters.status?.length
    ? Prisma.sql`${currentStatusOnlyJoin(column, Prisma.sql`matched.id`, now)} WHERE current."currentStatus" = ANY(${filters.status}::text[])`
    : Prisma.empty;
  const sortKeys = {
    relevance: {
      expression: query ? Prisma.sql`ts_rank(${subject}.search, ${query}) + CASE WHEN ${subject}.search @@ ${query} THEN 1 ELSE 0 END` : Prisma.sql`0`,
      direction: "desc",
      type: "number",
    },
    recent: {
      expression: epochOrLast(Prisma.sql`(SELECT max(sc."effectiveTime") FROM "StatusChange" sc WHERE ${changeColumn} = ${subject}.id AND sc.state = 'PUBLISHED' AND sc."effectiveTime" <= ${now})`),
      direction: "desc",
      type: "number",
    },
  } satisfies Record<string, TSortKey>;
  return { conditions, statusJoin, sortKeys };
}

/** The key, order and "after the cursor" condition of a (sort key, id) keyset. */
export function keysetFor(sortKey: TSortKey, cursor: string | undefined) {
  const sortSql = keysetSql(sortKey);
  const after = cursor ? sortSql.after(decodeCursor(cursor, z.tuple([z.union([z.string(), z.number()]), z.uuid()]))) : Prisma.sql`true`;
  return { ...sortSql, after };
}

/** A page from `limit + 1` fetched rows: the items, the total of matches and the next cursor. */
export function toKeysetPage<TRow extends { id: string; sortKey: string | number; total: number }, TItem>(
  rows: TRow[],
  limit: number,
  toItem: (row: TRow) => TItem,
) {
  const last = rows[limit - 1];
  return {
    items: rows.slice(0, limit).map(toItem),
    total: rows[0]?.total ?? 0,
    nextCursor: rows.length > limit && last ? encodeCursor([last.sortKey, last.id]) : null,
  };
}
