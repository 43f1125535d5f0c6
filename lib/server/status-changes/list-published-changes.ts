import "server-only";
import { z } from "zod";
import { Prisma } from "../../generated/prisma/client";
import type { CorroborationLevel } from "../../generated/prisma/enums";
import type { TDevelopmentQuery } from "../../schemas/reader-queries";
import { readDatabase } from "../read-database";
import type { TDatabase } from "../db";
import { historyAfterSql, historyEntriesSql, historyKeyOf, historyOrderSql, toReaderEntry, type TReaderEntry } from "../history-sql";
import { decodeCursor, splitPage, ZCursorInstant } from "../keyset";
import { AppError } from "../errors";
import { assertCan, type TActor } from "../permissions";
import { ZHistoryRow } from "../rows/history-row";
import { queryRows } from "../rows/parse-rows";
import { asOfChangesSql, asOfFromQuery, type TAsOf } from "../as-of-sql";

/** The filters of a history as use cases take them (the query string minus paging). */
export type TDevelopmentFilters = Partial<Omit<TDevelopmentQuery, "cursor" | "limit">>;

export type TDevelopmentPage = { entries: TReaderEntry[]; nextCursor: string | null };

/** Above this many subjects in scope, a page is read from the whole history index instead of per subject. */
const WIDE_SCOPE = 64;

const ZEffectiveKey = z.tuple([ZCursorInstant, ZCursorInstant, ZCursorInstant, z.uuid()]);
const ZOccurredKey = z.tuple([ZCursorInstant, ZCursorInstant, z.uuid()]);

/**
 * A page of published (and, unless asked otherwise, retracted) developments, newest first, with
 * their citations, in one round trip. Scoped to an agreement, a measure, a party or a pair of
 * parties, the page is merged from one index range scan per subject in scope; unscoped, it is one
 * range scan of the whole history index. Either way the cursor makes a deep page as cheap as the first.
 * Exports pass their own `database` (their pool, lib/server/exports/export-database.ts).
 */
export async function listPublishedChanges(
  actor: TActor,
  filters: TDevelopmentFilters,
  { cursor, limit = 20, now = new Date(), occurredBy, database, asOf }: { cursor?: string; limit?: number; now?: Date; occurredBy?: Date; database?: TDatabase; asOf?: TAsOf } = {},
): Promise<TDevelopmentPage> {
  assertCan(actor, "published:read");
  const order = filters.order ?? "effective";
  // As of an instant (decision 029): dates and wall times of the query string read in UTC unless the caller resolved them in a subject's zone.
  const stood = asOf ?? asOfFromQuery(filters);
  // ZDevelopmentQuery refuses the pair; a caller passing its own instant is held to the same rule.
  if (stood && filters.corroboration?.length) throw new AppError("INVALID_INPUT", "The corroboration filter reads today's levels: leave it out to read the record as of a past instant.", { corroboration: ["Not with asOf"] });
  const rows = await queryRows(database ?? (await readDatabase(actor)), ZHistoryRow, publishedChangesSql(filters, { cursor, limit, now, occurredBy, asOf: stood }));
  const { items, nextCursor } = splitPage(rows.map(toReaderEntry), limit, (entry) => historyKeyOf(order, entry));
  return { entries: items, nextCursor };
}

/** The one statement behind listPublishedChanges (exported for the plan tests). */
export function publishedChangesSql(
  filters: TDevelopmentFilters,
  { cursor, limit, now, occurredBy, asOf }: { cursor?: string; limit: number; now: Date; occurredBy?: Date; asOf?: TAsOf },
): Prisma.Sql {
  const order = filters.order ?? "effective";
  // The developments as they stood at an instant are read from the record's versions, shaped as rows of StatusChange.
  const changes = asOf ? Prisma.sql`(${asOfChangesSql(asOf)})` : Prisma.sql`"StatusChange"`;
  const after = cursor ? historyAfterSql(order, order === "effective" ? decodeCursor(cursor, ZEffectiveKey) : decodeCursor(cursor, ZOccurredKey)) : Prisma.sql`true`;
  const conditions = Prisma.join([...changeConditions(filters, order, occurredBy), after], " AND ");
  const match = Prisma.sql`sc.search @@ websearch_to_tsquery('english', ${filters.q ?? ""})`;
  const take = limit + 1;
  const orderBy = historyOrderSql(order);

  // A narrow scope (one subject, most pairs) is merged from one index range scan per subject; a
  // wide one (a busy party) walks the whole history index and keeps the rows in scope, which finds
  // a page after a few dozen rows. The planner runs only the branch whose one-time filter holds.
  const page = isScoped(filters)
    ? Prisma.sql`
      WITH ${scopeSql(filters)}, scope_size AS (
        SELECT (SELECT count(*) FROM scope_agreement) + (SELECT count(*) FROM scope_measure) AS subjects
      )
      SELECT page.* FROM (
        SELECT h.* FROM scope_agreement s CROSS JOIN LATERAL (
          SELECT sc.* FROM ${changes} sc WHERE sc."agreementId" = s.id AND ${conditions} ORDER BY ${orderBy} LIMIT ${take}) h
        WHERE (SELECT subjects FROM scope_size) <= ${WIDE_SCOPE}
        UNION ALL
        SELECT h.* FROM scope_measure s CROSS JOIN LATERAL (
          SELECT sc.* FROM ${changes} sc WHERE sc."measureId" = s.id AND ${conditions} ORDER BY ${orderBy} LIMIT ${take}) h
        WHERE (SELECT subjects FROM scope_size) <= ${WIDE_SCOPE}
        UNION ALL
        (SELECT sc.* FROM ${changes} sc
          WHERE (SELECT subjects FROM scope_size) > ${WIDE_SCOPE} AND ${conditions}
            AND (sc."agreementId" IN (SELECT id FROM scope_agreement) OR sc."measureId" IN (SELECT id FROM scope_measure))
          ORDER BY ${orderBy} LIMIT ${take})
      ) page ORDER BY ${historyOrderSql(order, "page")}
      LIMIT ${take}`
    : filters.q
      ? searchPageSql(Prisma.join([...changeConditions({ ...filters, q: undefined }, order, occurredBy), after], " AND "), match, orderBy, take, changes)
      : filters.corroboration?.length && !asOf
        ? corroborationPageSql(filters.corroboration, conditions, order, take)
        : Prisma.sql`SELECT sc.* FROM ${changes} sc WHERE ${conditions} ORDER BY ${orderBy} LIMIT ${take}`;

  return historyEntriesSql(page, order, asOf?.instant ?? now, asOf);
}

/**
 * How many rows of the history index a search walks per row of the page before it asks the GIN
 * index instead: the GIN index answers only words in fewer than one row in 50, whatever the page
 * size. (A fixed walk of 1,000 rows sent a word in a tenth of all rows to the GIN index — 100,000
 * rows read and sorted — as soon as a page asked for more than 100, and read 1,000 rows for every
 * rare word on the search page's page of 10.)
 */
export const SEARCH_WALK_PER_ROW = 50;

/**
 * A page of a text search over the whole history. Neither plan suits every word: walking the
 * history index and testing each row finds a page of a common word within a few hundred rows but
 * reads the whole index for a rare one (gsomia: 970 000 rows discarded to fill 11), and the GIN
 * index finds a rare word's few rows at once but must read and sort every row of a common one
 * (400 MB of buffers). So the statement walks the history index, testing rows, until it has a
 * page or has read SEARCH_WALK_PER_ROW rows per row of the page; a whole page found is the page.
 * Otherwise the word is rare (under one row in 50) and the page comes from the GIN index, whose
 * matches are then few enough to sort. A CTE runs only when read, and a one-time filter reads only the one needed; both are exact.
 */
function searchPageSql(conditions: Prisma.Sql, match: Prisma.Sql, orderBy: Prisma.Sql, take: number, changes: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    WITH found AS MATERIALIZED (
      -- The walk stops at the page's last match: the subquery is read in order and never sorted again.
      SELECT sc.* FROM (SELECT sc.* FROM ${changes} sc WHERE ${conditions} ORDER BY ${orderBy} LIMIT ${take * SEARCH_WALK_PER_ROW}) sc
      WHERE ${match} LIMIT ${take}
    ), settled AS (
      SELECT count(*) = ${take} AS yes FROM found
    ), matches AS MATERIALIZED (
      -- Without ORDER BY or LIMIT the planner reads the GIN index for the rare word's rows.
      SELECT sc.* FROM ${changes} sc WHERE ${conditions} AND ${match}
    )
    (SELECT found.* FROM found WHERE (SELECT yes FROM settled))
    UNION ALL
    (SELECT sc.* FROM matches sc WHERE NOT (SELECT yes FROM settled) ORDER BY ${orderBy} LIMIT ${take})`;
}

/**
 * An unscoped page of the levels asked for (decision 038): one range scan of the level's history
 * index per level, merged and cut, as the corrections log reads its kinds. A single scan of
 * `level = ANY(…)` would read every row of those levels to sort them; walking the history index
 * and testing each row would read the whole index for a rare level.
 */
function corroborationPageSql(levels: readonly CorroborationLevel[], conditions: Prisma.Sql, order: "effective" | "occurred", take: number): Prisma.Sql {
  const orderBy = historyOrderSql(order);
  const branches = [...new Set(levels)].map(
    (level) => Prisma.sql`(SELECT sc.* FROM "StatusChange" sc WHERE sc."shownCorroborationLevel" = ${level}::"CorroborationLevel" AND ${conditions} ORDER BY ${orderBy} LIMIT ${take})`,
  );
  return Prisma.sql`SELECT page.* FROM (${Prisma.join(branches, " UNION ALL ")}) page ORDER BY ${historyOrderSql(order, "page")} LIMIT ${take}`;
}

/** Whether the filters narrow the history to some subjects (then it is merged per subject). */
export function isScoped(filters: TDevelopmentFilters): boolean {
  return Boolean(filters.agreement || filters.measure || filters.party || filters.pair);
}

/** The WHERE conditions of a history page (also what a saved search asks of one development, match-saved-searches.ts). */
export function changeConditions(filters: TDevelopmentFilters, order: "effective" | "occurred", occurredBy?: Date): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [
    filters.state === "published" ? Prisma.sql`sc.state = 'PUBLISHED'` : Prisma.sql`sc.state IN ('PUBLISHED', 'RETRACTED')`,
  ];
  if (filters.status?.length) conditions.push(Prisma.sql`sc.status = ANY(${filters.status}::"Status"[])`);
  if (filters.direction?.length) conditions.push(Prisma.sql`sc.direction = ANY(${filters.direction}::"Direction"[])`);
  // Scoped pages and searches test the stored level row by row in their own bounded scans.
  if (filters.corroboration?.length) conditions.push(Prisma.sql`sc."shownCorroborationLevel" = ANY(${filters.corroboration}::"CorroborationLevel"[])`);
  // Dates filter on the column the history is ordered by, so the range narrows the same index scan.
  const dateColumn = order === "effective" ? Prisma.sql`sc."effectiveTime"` : Prisma.sql`sc."occurredAt"`;
  if (filters.range?.start) conditions.push(Prisma.sql`${dateColumn} >= ${filters.range.start}`);
  if (filters.range?.end) conditions.push(Prisma.sql`${dateColumn} < ${filters.range.end}`);
  if (occurredBy) conditions.push(Prisma.sql`sc."occurredAt" <= ${occurredBy}`);
  if (filters.q) conditions.push(Prisma.sql`sc.search @@ websearch_to_tsquery('english', ${filters.q})`);
  return conditions;
}

/** CTEs scope_agreement(id) and scope_measure(id): the subjects the filters name. */
export function scopeSql(filters: TDevelopmentFilters): Prisma.Sql {
  const namesSubjects = Boolean(filters.agreement || filters.measure);
  const agreementWhere: Prisma.Sql[] = [];
  const measureWhere: Prisma.Sql[] = [];
  if (namesSubjects) {
    agreementWhere.push(filters.agreement ? Prisma.sql`a.slug = ${filters.agreement}` : Prisma.sql`false`);
    measureWhere.push(filters.measure ? Prisma.sql`m.slug = ${filters.measure}` : Prisma.sql`false`);
  }
  const involves = (code: string) =>
    Prisma.sql`EXISTS (SELECT 1 FROM "AgreementParty" ap JOIN "Party" p ON p.id = ap."partyId" WHERE ap."agreementId" = a.id AND p.code = ${code})`;
  const imposes = (code: string) => Prisma.sql`m."imposingPartyId" = (SELECT id FROM "Party" WHERE code = ${code})`;
  const targets = (code: string) =>
    Prisma.sql`EXISTS (SELECT 1 FROM "TradeMeasureTarget" t JOIN "Party" p ON p.id = t."partyId" WHERE t."measureId" = m.id AND p.code = ${code})`;
  if (filters.party) {
    agreementWhere.push(involves(filters.party));
    measureWhere.push(Prisma.sql`(${imposes(filters.party)} OR ${targets(filters.party)})`);
  }
  if (filters.pair) {
    const [first, second] = filters.pair;
    agreementWhere.push(involves(first), involves(second));
    measureWhere.push(Prisma.sql`((${imposes(first)} AND ${targets(second)}) OR (${imposes(second)} AND ${targets(first)}))`);
  }
  const where = (parts: Prisma.Sql[]) => (parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`true`);
  return Prisma.sql`scope_agreement AS (SELECT a.id FROM "Agreement" a WHERE ${where(agreementWhere)}),
    scope_measure AS (SELECT m.id FROM "TradeMeasure" m WHERE ${where(measureWhere)})`;
}
