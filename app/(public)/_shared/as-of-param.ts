import "server-only";
import { asOfFromQuery, type TAsOf } from "@/lib/server/as-of-sql";
import { ZAsOfQuery, type TAsOfQuery } from "@/lib/schemas/as-of";
import { firstParam } from "./load";

type TSearch = Record<string, string | string[] | undefined>;

/** The reader's asOf and axis (decision 029); an unreadable one shows the present, with a note. */
export function readAsOf(search: TSearch): { query: TAsOfQuery | undefined; invalid: boolean } {
  const parsed = ZAsOfQuery.safeParse({ asOf: firstParam(search.asOf), axis: firstParam(search.axis) });
  return parsed.success ? { query: parsed.data, invalid: false } : { query: undefined, invalid: true };
}

/**
 * The instant a page without a zone of its own (party, relation, lists, search, home) reads at:
 * its dates and wall times in UTC (decision 036), so one URL names one instant everywhere.
 */
export function readPageAsOf(search: TSearch): { asOf: TAsOf | undefined; invalid: boolean } {
  const { query, invalid } = readAsOf(search);
  return { asOf: query ? asOfFromQuery(query, "UTC") : undefined, invalid };
}

/** The asOf of a list's parsed query (its dates and wall times in UTC), and its query-string fields for links. */
export function listAsOf(query: Partial<TAsOfQuery>): TAsOf | undefined {
  return query.asOf ? asOfFromQuery(query, "UTC") : undefined;
}
