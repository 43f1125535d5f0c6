// PATCH /api/v1/agreements/{slug}: edit an agreement; send "version" and the fields to change (409 when it changed since).
import { ZUpdateAgreement } from "@/lib/schemas/agreement";
import { getAgreementForEdit } from "@/lib/server/agreements/get-agreement-for-edit";
import { updateAgreement } from "@/lib/server/agreements/update-agreement";
import { ZSubjectWrittenBody } from "@/lib/schemas/responses/write-responses";
import { apiRoute } from "@/lib/server/api";

// GET of the same path is the read API's handler, kept beside this file.
export { GET } from "./get";

export const PATCH = apiRoute(
  {
    permission: "agreement:write",
    summary: "Edit an agreement (send its version; 409 when it changed since)",
    response: ZSubjectWrittenBody,
    params: ["slug"],
    schema: ZUpdateAgreement,
    // Fields left out keep their current values, as the edit form would show them.
    complete: async (body, { actor, params }) => ({ ...(await getAgreementForEdit(actor, params.slug)).values, ...body }),
  },
  async (_request, { actor, params, body }) => updateAgreement(actor, params.slug, body),
);
