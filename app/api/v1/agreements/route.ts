// POST /api/v1/agreements: create an agreement (its slug is made from the short name or title).
import { ZAgreement } from "@/lib/schemas/agreement";
import { createAgreement } from "@/lib/server/agreements/create-agreement";
import { apiRoute } from "@/lib/server/api";
import { readJsonObject } from "@/lib/server/desk/read-json-object";
import { assertSignedInCan } from "@/lib/server/permissions";

// GET of the same path is the read API's handler, kept beside this file.
export { GET } from "./get";

export const POST = apiRoute(async (request, { actor }) => {
  assertSignedInCan(actor, "agreement:write");
  return Response.json(await createAgreement(actor, ZAgreement.parse(await readJsonObject(request))), { status: 201 });
});
