// GET /admin/audit/export: the audit log, filtered as on /admin/audit, as a CSV download (admins).
import { ZAuditFilters } from "@/lib/schemas/audit";
import { exportAuditEventsCsv } from "@/lib/server/audit/export-audit-events-csv";
import { toAppError, HTTP_STATUS_BY_CODE } from "@/lib/server/errors";
import { getCurrentActor } from "@/lib/server/session";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const { before: _before, ...filters } = ZAuditFilters.parse(params);
  try {
    const body = exportAuditEventsCsv(await getCurrentActor(), filters);
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="pactwatch-audit-${stamp}.csv"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    const appError = toAppError(error);
    return new Response(`${appError.message}\n`, { status: HTTP_STATUS_BY_CODE[appError.code], headers: { "content-type": "text/plain; charset=utf-8" } });
  }
}
