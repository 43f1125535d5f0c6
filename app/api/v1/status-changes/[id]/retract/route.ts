// POST /api/v1/status-changes/{id}/retract: retract a published development (admins); send {"version": n, "reason": "…"}.
import { ZRetractStatusChange } from "@/lib/schemas/status-change";
import { ZDevelopmentWrittenBody } from "@/lib/schemas/responses/write-responses";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { retractStatusChange } from "@/lib/server/status-changes/retract-status-change";

export const POST = apiRoute(
  { permission: "status-change:retract", summary: "Retract a published development, with the reason readers see (admins)", response: ZDevelopmentWrittenBody, params: ["id"], schema: ZRetractStatusChange, complete: (body, { params }) => ({ ...body, id: params.id }) },
  async (_request, { actor, body }) => retractStatusChange(actor, body),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["POST"]);
