import "server-only";
import { paramsToObject, ZCorrectionsQuery } from "@/lib/schemas/reader-queries";
import type { TCorrectionExportFilters } from "@/lib/server/corrections/export-corrections";
import { asOfFromQuery } from "@/lib/server/as-of-sql";
import { AppError, fieldErrorsFromZod } from "@/lib/server/errors";

/** The corrections export's filters from its query string (the same as /corrections); bad ones are a 422 naming the field. */
export function correctionExportFilters(request: Request): { filters: TCorrectionExportFilters; query: Record<string, unknown>; fileName: string } {
  const parsed = ZCorrectionsQuery.safeParse(paramsToObject(new URL(request.url).searchParams));
  if (!parsed.success) throw new AppError("INVALID_INPUT", "Some filters of the export are not valid.", fieldErrorsFromZod(parsed.error));
  const { cursor: _cursor, limit: _limit, ...filters } = parsed.data;
  const { range: _range, asOf: _asOf, axis, ...shown } = filters;
  // The document names the instant it was read at (UTC), as links carry it; the present has none.
  const asOf = asOfFromQuery(filters);
  const query = Object.fromEntries(Object.entries({ ...shown, ...(asOf ? { asOf: asOf.instant.toISOString(), axis } : {}) }).filter(([, value]) => value !== undefined));
  return { filters, query, fileName: `pactwatch-corrections-${new Date().toISOString().slice(0, 10)}` };
}
