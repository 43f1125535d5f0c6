// PATCH /api/v1/parties/{code}: edit a party's name and aliases; send "version" (409 when it changed since).
import { ZUpdateParty } from "@/lib/schemas/party";
import { apiRoute } from "@/lib/server/api";
import { readJsonObject } from "@/lib/server/desk/read-json-object";
import { getPartyForEdit } from "@/lib/server/parties/get-party-for-edit";
import { updateParty } from "@/lib/server/parties/update-party";
import { assertSignedInCan } from "@/lib/server/permissions";

// GET of the same path is the read API's handler, kept beside this file.
export { GET } from "./get";

export const PATCH = apiRoute<{ code: string }>(async (request, { actor, params }) => {
  assertSignedInCan(actor, "party:write");
  const body = await readJsonObject(request);
  const current = await getPartyForEdit(actor, params.code);
  return updateParty(actor, current.code, ZUpdateParty.parse({ ...current.values, ...body }));
});
