// PATCH /api/v1/measures/{slug}: edit a trade measure; send "version" and the fields to change (409 when it changed since).
import { ZUpdateTradeMeasure } from "@/lib/schemas/trade-measure";
import { ZSubjectWrittenBody } from "@/lib/schemas/responses/write-responses";
import { apiRoute } from "@/lib/server/api";
import { getMeasureForEdit } from "@/lib/server/measures/get-measure-for-edit";
import { updateMeasure } from "@/lib/server/measures/update-measure";

// GET of the same path is the read API's handler, kept beside this file.
export { GET } from "./get";

export const PATCH = apiRoute(
  {
    permission: "measure:write",
    summary: "Edit a trade measure (send its version; 409 when it changed since)",
    response: ZSubjectWrittenBody,
    params: ["slug"],
    schema: ZUpdateTradeMeasure,
    // Fields left out keep their current values, as the edit form would show them.
    complete: async (body, { actor, params }) => ({ ...(await getMeasureForEdit(actor, params.slug)).values, ...body }),
  },
  async (_request, { actor, params, body }) => updateMeasure(actor, params.slug, body),
);
