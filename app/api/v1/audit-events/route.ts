// GET /api/v1/audit-events?actor&entityType&entityId&action&from&to&cursor&limit: the audit log, newest first, keyset-paged (admins).
import { ZAuditEventListResponse, ZAuditEventQuery } from "@/lib/schemas/audit-api";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { responseBody, withIsoDates } from "@/lib/server/api/response-body";
import { fromApiAuditCursor, toApiAuditCursor } from "@/lib/server/audit/audit-api-cursor";
import { listAuditEvents } from "@/lib/server/audit/list-audit-events";
import { listResponse } from "../read-helpers";

export const GET = apiRoute(
  {
    permission: "audit:read",
    query: ZAuditEventQuery,
    summary: "List audit events, newest first, filtered by actor (an id or \"system\"), entity, action (or a family such as \"source:\") and time",
    response: ZAuditEventListResponse,
  },
  async (request, { actor, query }) => {
    const { cursor, limit, ...filters } = query;
    const page = await listAuditEvents(actor, { ...filters, before: fromApiAuditCursor(cursor) }, { pageSize: limit });
    return responseBody(ZAuditEventListResponse, listResponse(request, withIsoDates(page.events), toApiAuditCursor(page.nextCursor)));
  },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET"]);
