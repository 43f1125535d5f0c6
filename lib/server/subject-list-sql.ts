import "server-only";
import { z } from "zod";
import { Prisma } from "../generated/prisma/client";
import { decodeCursor, encodeCursor } from "./keyset";
import { keysetSql, epochOrLast, type TSortKey } from "./list-sort-sql";
import { currentStatusOnlyJoin, type TSubjectColumn } from "./status-sql";
import { subjectCandidatesSql } from "./subject-candidates-sql";
import { asOfChangesSql, type TAsOf } from "./as-of-sql";

// What the agreement and measure lists share: text search that also reads the subject's
// published developments, the date-range and status filters, the relevance and recency sort
// keys, and cutting a keyset page.

type TSubjectListFilters = { q?: string; range?: { start: Date | null; end: Date | null }; status?: readonly string[] };

/**
 * SQL pieces for a list of subjects aliased `alias` ("a" for Agreement, "m" for TradeMeasure)
 * whose changes point at them through `column`. `ctes` open the statement's WITH (empty without
 * a search), `cut` is the column telling whether the total is a lower bound, and `statusJoin`
 * goes after the matched rows (aliased `matched`), so the status is computed for every match
 * only when it filters.
 */
export function subjectListSql(column: TSubjectColumn, alias: "a" | "m", filters: TSubjectListFilters, now: Date, asOf?: TAsOf) {
  const subject = Prisma.raw(alias);
  // As of an instant (decision 029) dates, recency and status are read from the developments that
  // stood then; text search still matches today's words (decision 036).
  const changes = asOf ? Prisma.sql`(${asOfChangesSql(asOf)})` : Prisma.sql`"StatusChange"`;
  const changeColumn = Prisma.raw(`sc."${column}"`);
  const query = filters.q ? Prisma.sql`websearch_to_tsquery('english', ${filters.q})` : null;
  const conditions: Prisma.Sql[] = [Prisma.sql`true`];
  if (query) {
    // The subject's own words through its GIN index, OR'ed (a BitmapOr of two index scans, never a
    // scan of the table) with the primary keys of the subjects a bounded set of matching
    // developments names (subject-candidates-sql.ts).
    conditions.push(Prisma.sql`(${subject}.search @@ ${query} OR ${subject}.id = ANY(ARRAY(SELECT candidates.id FROM candidates)))`);
  }
  if (filters.range?.start || filters.range?.end) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM ${changes} sc WHERE ${changeColumn} = ${subject}.id AND sc.state = 'PUBLISHED'
      AND sc."effectiveTime" >= ${filters.range.start ?? new Date(-8.64e15)} AND sc."effectiveTime" < ${filters.range.end ?? new Date(8.64e15)})`);
  }
  const statusJoin = filters.status?.length
    ? Prisma.sql`${currentStatusOnlyJoin(column, Prisma.sql`matched.id`, now, asOf)} WHERE current."currentStatus" = ANY(${filters.status}::text[])`
    : Prisma.empty;
  const sortKeys = {
    relevance: {
      expression: query ? Prisma.sql`ts_rank(${subject}.search, ${query}) + CASE WHEN ${subject}.search @@ ${query} THEN 1 ELSE 0 END` : Prisma.sql`0`,
      direction: "desc",
      type: "number",
    },
    recent: {
      expression: epochOrLast(Prisma.sql`(SELECT max(sc."effectiveTime") FROM ${changes} sc WHERE ${changeColumn} = ${subject}.id AND sc.state = 'PUBLISHED' AND sc."effectiveTime" <= ${now})`),
      direction: "desc",
      type: "number",
    },
  } satisfies Record<string, TSortKey>;
  const ctes = query ? subjectCandidatesSql(column, query) : Prisma.empty;
  const cut = query ? Prisma.sql`(SELECT yes FROM cut)` : Prisma.sql`false`;
  return { conditions, statusJoin, sortKeys, ctes, cut };
}

/** The key, order and "after the cursor" condition of a (sort key, id) keyset. */
export function keysetFor(sortKey: TSortKey, cursor: string | undefined) {
  const sortSql = keysetSql(sortKey);
  const after = cursor ? sortSql.after(decodeCursor(cursor, z.tuple([z.union([z.string(), z.number()]), z.uuid()]))) : Prisma.sql`true`;
  return { ...sortSql, after };
}

/**
 * A page from `limit + 1` fetched rows: the items, the total of matches (a lower bound when
 * `isTotalAtLeast`: a common word's developments were not all read) and the next cursor.
 */
export function toKeysetPage<TRow extends { id: string; sortKey: string | number; total: number; isTotalAtLeast: boolean }, TItem>(
  rows: TRow[],
  limit: number,
  toItem: (row: TRow) => TItem,
) {
  const last = rows[limit - 1];
  return {
    items: rows.slice(0, limit).map(toItem),
    total: rows[0]?.total ?? 0,
    isTotalAtLeast: rows[0]?.isTotalAtLeast ?? false,
    nextCursor: rows.length > limit && last ? encodeCursor([last.sortKey, last.id]) : null,
  };
}
