import { z } from "zod";
import { paramsToObject, ZSavedDevelopmentSearch, type TSavedDevelopmentSearch } from "./reader-queries";
import { toSearchParams } from "./to-search-params";

// A saved developments search as a form, the API and the database hold it (decision 039). The
// stored value is the search's query string as an object ({"q": "tariffs", "direction":
// ["ESCALATION"]}): the same encoding as the /developments address, parsed again on every read.

export type TSavedSearchParams = Record<string, string | string[]>;

/**
 * The form posts the developments page's address or its query string ("q=tariffs&party=JPN",
 * "/developments?q=tariffs"); a plain phrase is a text search. The API sends the filters as an object.
 */
function fromQueryText(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  if (!trimmed.includes("?") && !trimmed.includes("=")) return { q: trimmed };
  const query = trimmed.includes("?") ? trimmed.slice(trimmed.indexOf("?") + 1) : trimmed;
  return paramsToObject(new URLSearchParams(query.split("#")[0]));
}

/** A saved search as given: the query string (forms) or an object of the list's filters (API). */
export const ZSavedSearchInput = z
  .preprocess(fromQueryText, ZSavedDevelopmentSearch.optional())
  .describe("SEARCH only: the filters of GET /api/v1/status-changes (q, agreement, measure, party, pair, status, direction, from, to, order, corroboration), as an object or as that query string");

/** The stored form: only the filters that differ from the defaults, as the address writes them. */
export function savedSearchParams(search: TSavedDevelopmentSearch): TSavedSearchParams {
  return paramsToObject(toSearchParams(ZSavedDevelopmentSearch, search)) as TSavedSearchParams;
}

/** The stored filters read back through the schema; null for a value it no longer accepts. */
export function readSavedSearch(stored: unknown): TSavedDevelopmentSearch | null {
  const parsed = ZSavedDevelopmentSearch.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

/** The query string of the developments list showing this search. */
export function savedSearchQuery(stored: TSavedSearchParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(stored)) for (const item of Array.isArray(value) ? value : [value]) params.append(key, item);
  return params.toString();
}
