import "server-only";
import { paramsToObject, ZDevelopmentQuery } from "@/lib/schemas/reader-queries";
import { AppError, fieldErrorsFromZod } from "@/lib/server/errors";
import type { TDevelopmentFilters } from "@/lib/server/status-changes/list-published-changes";

/** The export's filters from its query string (the same as /developments); bad ones are a 422 naming the field. */
export function exportFilters(request: Request): { filters: TDevelopmentFilters; query: Record<string, unknown>; fileName: string } {
  const params = new URL(request.url).searchParams;
  const parsed = ZDevelopmentQuery.safeParse(paramsToObject(params));
  if (!parsed.success) throw new AppError("INVALID_INPUT", "Some filters of the export are not valid.", fieldErrorsFromZod(parsed.error));
  const { cursor: _cursor, limit: _limit, range, ...filters } = parsed.data;
  const scope = filters.agreement ?? filters.measure ?? filters.party?.toLowerCase() ?? filters.pair?.join("-").toLowerCase() ?? "all";
  const query = Object.fromEntries(
    Object.entries({ ...filters, pair: filters.pair?.join("-") }).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)),
  );
  return { filters: { ...filters, range }, query, fileName: `pactwatch-developments-${scope}-${new Date().toISOString().slice(0, 10)}` };
}
