// PATCH /api/v1/status-changes/{id}: edit a development; send "version" and the fields to change (409 when it changed since).
import { ZEditStatusChange } from "@/lib/schemas/status-change";
import { ZDevelopmentWrittenBody } from "@/lib/schemas/responses/write-responses";
import { apiRoute } from "@/lib/server/api";
import { editStatusChange } from "@/lib/server/status-changes/edit-status-change";
import { getStatusChange } from "@/lib/server/status-changes/get-status-change";

// GET of the same path is the read API's handler, kept beside this file.
export { GET } from "./get";

export const PATCH = apiRoute(
  {
    permission: "status-change:edit",
    summary: "Edit a development (send its version; 409 when it changed since)",
    response: ZDevelopmentWrittenBody,
    params: ["id"],
    schema: ZEditStatusChange,
    // Fields left out keep their current values, as the edit form would show them.
    complete: async (body, { actor, params }) => ({ ...(await getStatusChange(actor, params.id)).formValues, ...body, id: params.id }),
  },
  async (_request, { actor, body }) => editStatusChange(actor, body),
);
