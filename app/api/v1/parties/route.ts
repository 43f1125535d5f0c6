// POST /api/v1/parties: create a party (a state by ISO 3166-1 alpha-3 code, or an organisation).
import { ZParty } from "@/lib/schemas/party";
import { apiRoute } from "@/lib/server/api";
import { readJsonObject } from "@/lib/server/desk/read-json-object";
import { createParty } from "@/lib/server/parties/create-party";
import { assertSignedInCan } from "@/lib/server/permissions";

// GET of the same path is the read API's handler, kept beside this file.
export { GET } from "./get";

export const POST = apiRoute(async (request, { actor }) => {
  assertSignedInCan(actor, "party:write");
  return Response.json(await createParty(actor, ZParty.parse(await readJsonObject(request))), { status: 201 });
});
