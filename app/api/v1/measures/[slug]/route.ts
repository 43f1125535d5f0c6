// PATCH /api/v1/measures/{slug}: edit a trade measure; send "version" and the fields to change (409 when it changed since).
import { ZUpdateTradeMeasure } from "@/lib/schemas/trade-measure";
import { ZSubjectWrittenBody } from "@/lib/schemas/responses/write-responses";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { getMeasureForEdit } from "@/lib/server/measures/get-measure-for-edit";
import { updateMeasure } from "@/lib/server/measures/update-measure";

// GET of the same path is the read API's handler, kept beside this file; If-Match is checked against its ETag.
import { GET } from "./get";

export { GET };

export const PATCH = apiRoute(
  {
    summary: "Edit a trade measure (send its version, or If-Match with the ETag of its GET)",
    permission: "measure:write",
    response: ZSubjectWrittenBody,
    params: ["slug"],
    schema: ZUpdateTradeMeasure,
    readRoute: GET,
    // Fields left out keep their current values, as the edit form would show them; with If-Match
    // the version is the current one, read before its ETag is compared (if-match.ts).
    complete: async (body, { actor, params, hasIfMatch }) => {
      const current = await getMeasureForEdit(actor, params.slug);
      return { ...current.values, ...(hasIfMatch ? { version: current.version } : {}), ...body };
    },
  },
  async (_request, { actor, params, body }) => updateMeasure(actor, params.slug, body),
);

export const { POST, PUT, DELETE, OPTIONS } = refuseOtherMethods(["GET", "PATCH"]);
