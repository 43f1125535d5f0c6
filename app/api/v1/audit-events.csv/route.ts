// GET /api/v1/audit-events.csv?actor&entityType&entityId&action&from&to: the filtered audit log as CSV, streamed (admins), as /admin/audit/export gives it.
import { ZAuditCsv, ZAuditEventQuery } from "@/lib/schemas/audit-api";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { exportAuditEventsCsv } from "@/lib/server/audit/export-audit-events-csv";

export const GET = apiRoute(
  { permission: "audit:read", query: ZAuditEventQuery, summary: "Download the filtered audit log as CSV, newest first (every page, streamed)", response: ZAuditCsv },
  async (_request, { actor, query }) => {
    const { cursor: _cursor, limit: _limit, ...filters } = query;
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
    return new Response(exportAuditEventsCsv(actor, filters), {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="pactwatch-audit-${stamp}.csv"`, "cache-control": "no-store" },
    });
  },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET"]);
