import "server-only";
import { Prisma } from "../../generated/prisma/client";
import type { TSavedDevelopmentSearch } from "../../schemas/reader-queries";
import { parseRows } from "../rows/parse-rows";
import { ZMatchedSearchRow } from "../rows/subscription-rows";
import type { TTransaction } from "../write-transaction";
import { changeConditions, isScoped, scopeSql } from "./list-published-changes";

// Whether one development is in a saved search's results (decision 039), asked of the list's own
// builders: the conditions every page of /developments applies (changeConditions) and the subjects
// a scoped page merges (scopeSql), restricted to that one row. The list's plans differ (per-subject
// scans, the search walk, the level branches), but each returns exactly the rows that satisfy
// these conditions and lie in scope; the agreement test compares the two on several searches.

/** How many searches one statement tests (each is a small EXISTS on the development's primary key). */
const SEARCHES_PER_STATEMENT = 100;

/** The condition "development `statusChangeId` is in this search's list", as one boolean expression. */
export function developmentInSearchSql(statusChangeId: string, search: TSavedDevelopmentSearch): Prisma.Sql {
  const order = search.order ?? "effective";
  const conditions = Prisma.join([Prisma.sql`sc.id = ${statusChangeId}::uuid`, ...changeConditions(search, order)], " AND ");
  if (!isScoped(search)) return Prisma.sql`EXISTS (SELECT 1 FROM "StatusChange" sc WHERE ${conditions})`;
  return Prisma.sql`EXISTS (
    WITH ${scopeSql(search)}
    SELECT 1 FROM "StatusChange" sc
    WHERE ${conditions} AND (sc."agreementId" IN (SELECT id FROM scope_agreement) OR sc."measureId" IN (SELECT id FROM scope_measure)))`;
}

/** The ids of the searches (subscriptions) whose results include the development. */
export async function matchSavedSearches(tx: TTransaction, statusChangeId: string, searches: readonly { id: string; search: TSavedDevelopmentSearch }[]): Promise<Set<string>> {
  const matched = new Set<string>();
  for (let start = 0; start < searches.length; start += SEARCHES_PER_STATEMENT) {
    const chunk = searches.slice(start, start + SEARCHES_PER_STATEMENT);
    const branches = chunk.map(({ id, search }) => Prisma.sql`SELECT ${id}::text AS "id" WHERE ${developmentInSearchSql(statusChangeId, search)}`);
    const rows = parseRows(ZMatchedSearchRow, await tx.$queryRaw(Prisma.join(branches, " UNION ALL ")));
    for (const row of rows) matched.add(row.id);
  }
  return matched;
}
