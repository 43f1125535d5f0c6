// PATCH /api/v1/agreements/{slug}: edit an agreement; send "version" and the fields to change (409 when it changed since).
import { ZUpdateAgreement } from "@/lib/schemas/agreement";
import { getAgreementForEdit } from "@/lib/server/agreements/get-agreement-for-edit";
import { updateAgreement } from "@/lib/server/agreements/update-agreement";
import { apiRoute } from "@/lib/server/api";
import { readJsonObject } from "@/lib/server/desk/read-json-object";
import { assertSignedInCan } from "@/lib/server/permissions";

// GET of the same path is the read API's handler, kept beside this file.
export { GET } from "./get";

export const PATCH = apiRoute<{ slug: string }>(async (request, { actor, params }) => {
  assertSignedInCan(actor, "agreement:write");
  const body = await readJsonObject(request);
  const current = await getAgreementForEdit(actor, params.slug);
  return updateAgreement(actor, params.slug, ZUpdateAgreement.parse({ ...current.values, ...body }));
});
