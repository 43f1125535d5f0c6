// PATCH /api/v1/status-changes/{id}: edit a development; send "version" and the fields to change (409 when it changed since).
import { ZEditStatusChange } from "@/lib/schemas/status-change";
import { apiRoute } from "@/lib/server/api";
import { readJsonObject } from "@/lib/server/desk/read-json-object";
import { assertSignedInCan } from "@/lib/server/permissions";
import { editStatusChange } from "@/lib/server/status-changes/edit-status-change";
import { getStatusChange } from "@/lib/server/status-changes/get-status-change";

// GET of the same path is the read API's handler, kept beside this file.
export { GET } from "./get";

export const PATCH = apiRoute<{ id: string }>(async (request, { actor, params }) => {
  assertSignedInCan(actor, "status-change:edit");
  const body = await readJsonObject(request);
  // Fields left out keep their current values, as the edit form would show them.
  const current = await getStatusChange(actor, params.id);
  return editStatusChange(actor, ZEditStatusChange.parse({ ...current.formValues, ...body, id: params.id }));
});
