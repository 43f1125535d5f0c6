// PATCH /api/v1/measures/{slug}: edit a trade measure; send "version" and the fields to change (409 when it changed since).
import { ZUpdateTradeMeasure } from "@/lib/schemas/trade-measure";
import { apiRoute } from "@/lib/server/api";
import { readJsonObject } from "@/lib/server/desk/read-json-object";
import { getMeasureForEdit } from "@/lib/server/measures/get-measure-for-edit";
import { updateMeasure } from "@/lib/server/measures/update-measure";
import { assertSignedInCan } from "@/lib/server/permissions";

// GET of the same path is the read API's handler, kept beside this file.
export { GET } from "./get";

export const PATCH = apiRoute<{ slug: string }>(async (request, { actor, params }) => {
  assertSignedInCan(actor, "measure:write");
  const body = await readJsonObject(request);
  const current = await getMeasureForEdit(actor, params.slug);
  return updateMeasure(actor, params.slug, ZUpdateTradeMeasure.parse({ ...current.values, ...body }));
});
