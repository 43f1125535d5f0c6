// POST /api/v1/status-changes/{id}/publish: publish a draft as it stands; send {"version": n}.
import { ZPublishStatusChange } from "@/lib/schemas/status-change";
import { apiRoute } from "@/lib/server/api";
import { readJsonObject } from "@/lib/server/desk/read-json-object";
import { assertSignedInCan } from "@/lib/server/permissions";
import { publishStatusChange } from "@/lib/server/status-changes/publish-status-change";

export const POST = apiRoute<{ id: string }>(async (request, { actor, params }) => {
  assertSignedInCan(actor, "status-change:publish");
  return publishStatusChange(actor, ZPublishStatusChange.parse({ ...(await readJsonObject(request)), id: params.id }));
});
