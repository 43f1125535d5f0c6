// POST /api/v1/status-changes: log a development (intent "draft" or "publish"), as the log form does.
import { ZLogStatusChange } from "@/lib/schemas/status-change";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { logStatusChange } from "@/lib/server/status-changes/log-status-change";

// GET of the same path is the read API's handler, kept beside this file.
export { GET } from "./get";

export const POST = apiRoute({ permission: "status-change:log", schema: ZLogStatusChange }, async (_request, { actor, body }) =>
  Response.json(await logStatusChange(actor, body), { status: 201 }),
);

export const { PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET", "POST"]);
