// POST /api/v1/status-changes/{id}/retract: retract a published development (admins); send {"version": n, "reason": "…"}.
import { ZRetractStatusChange } from "@/lib/schemas/status-change";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { retractStatusChange } from "@/lib/server/status-changes/retract-status-change";

export const POST = apiRoute(
  { permission: "status-change:retract", params: ["id"], schema: ZRetractStatusChange, complete: (body, { params }) => ({ ...body, id: params.id }) },
  async (_request, { actor, body }) => retractStatusChange(actor, body),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["POST"]);
