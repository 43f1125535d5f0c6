// POST /api/v1/status-changes/{id}/retract: retract a published development (admins); send {"version": n, "reason": "…"}.
import { ZRetractStatusChange } from "@/lib/schemas/status-change";
import { apiRoute } from "@/lib/server/api";
import { readJsonObject } from "@/lib/server/desk/read-json-object";
import { assertSignedInCan } from "@/lib/server/permissions";
import { retractStatusChange } from "@/lib/server/status-changes/retract-status-change";

export const POST = apiRoute<{ id: string }>(async (request, { actor, params }) => {
  assertSignedInCan(actor, "status-change:retract");
  return retractStatusChange(actor, ZRetractStatusChange.parse({ ...(await readJsonObject(request)), id: params.id }));
});
