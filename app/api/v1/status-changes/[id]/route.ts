// PATCH /api/v1/status-changes/{id}: edit a development; send "version" and the fields to change (409 when it changed since).
import { ZEditStatusChange } from "@/lib/schemas/status-change";
import { ZDevelopmentWrittenBody } from "@/lib/schemas/responses/write-responses";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { editStatusChange } from "@/lib/server/status-changes/edit-status-change";
import { getStatusChange } from "@/lib/server/status-changes/get-status-change";

// GET of the same path is the read API's handler, kept beside this file; If-Match is checked against its ETag.
import { GET } from "./get";

export { GET };

export const PATCH = apiRoute(
  {
    summary: "Edit a development (send its version, or If-Match with the ETag of its GET)",
    permission: "status-change:edit",
    response: ZDevelopmentWrittenBody,
    params: ["id"],
    schema: ZEditStatusChange,
    readRoute: GET,
    // Fields left out keep their current values, as the edit form would show them; with If-Match
    // the version is the current one, read before its ETag is compared (if-match.ts).
    complete: async (body, { actor, params, hasIfMatch }) => {
      const current = await getStatusChange(actor, params.id);
      return { ...current.formValues, ...(hasIfMatch ? { version: current.record.version } : {}), ...body, id: params.id };
    },
  },
  async (_request, { actor, body }) => editStatusChange(actor, body),
);

export const { POST, PUT, DELETE, OPTIONS } = refuseOtherMethods(["GET", "PATCH"]);
