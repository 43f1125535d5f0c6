// POST /api/v1/measures: create a trade measure with its parties and links (its slug is made from the title).
import { ZTradeMeasure } from "@/lib/schemas/trade-measure";
import { apiRoute } from "@/lib/server/api";
import { readJsonObject } from "@/lib/server/desk/read-json-object";
import { createMeasure } from "@/lib/server/measures/create-measure";
import { assertSignedInCan } from "@/lib/server/permissions";

// GET of the same path is the read API's handler, kept beside this file.
export { GET } from "./get";

export const POST = apiRoute(async (request, { actor }) => {
  assertSignedInCan(actor, "measure:write");
  return Response.json(await createMeasure(actor, ZTradeMeasure.parse(await readJsonObject(request))), { status: 201 });
});
