// PATCH /api/v1/agreements/{slug}: edit an agreement; send "version" and the fields to change (409 when it changed since).
import { ZUpdateAgreement } from "@/lib/schemas/agreement";
import { getAgreementForEdit } from "@/lib/server/agreements/get-agreement-for-edit";
import { updateAgreement } from "@/lib/server/agreements/update-agreement";
import { ZSubjectWrittenBody } from "@/lib/schemas/responses/write-responses";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";

// GET of the same path is the read API's handler, kept beside this file; If-Match is checked against its ETag.
import { GET } from "./get";

export { GET };

export const PATCH = apiRoute(
  {
    summary: "Edit an agreement (send its version, or If-Match with the ETag of its GET)",
    permission: "agreement:write",
    response: ZSubjectWrittenBody,
    params: ["slug"],
    schema: ZUpdateAgreement,
    readRoute: GET,
    // Fields left out keep their current values, as the edit form would show them; with If-Match
    // the version is the current one, read before its ETag is compared (if-match.ts).
    complete: async (body, { actor, params, hasIfMatch }) => {
      const current = await getAgreementForEdit(actor, params.slug);
      return { ...current.values, ...(hasIfMatch ? { version: current.version } : {}), ...body };
    },
  },
  async (_request, { actor, params, body }) => updateAgreement(actor, params.slug, body),
);

export const { POST, PUT, DELETE, OPTIONS } = refuseOtherMethods(["GET", "PATCH"]);
