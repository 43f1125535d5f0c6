// POST /api/v1/status-changes: log a development (intent "draft" or "publish"), as the log form does.
import { ZLogStatusChange } from "@/lib/schemas/status-change";
import { apiRoute } from "@/lib/server/api";
import { readJsonObject } from "@/lib/server/desk/read-json-object";
import { assertSignedInCan } from "@/lib/server/permissions";
import { logStatusChange } from "@/lib/server/status-changes/log-status-change";

// GET of the same path is the read API's handler, kept beside this file.
export { GET } from "./get";

export const POST = apiRoute(async (request, { actor }) => {
  assertSignedInCan(actor, "status-change:log");
  const result = await logStatusChange(actor, ZLogStatusChange.parse(await readJsonObject(request)));
  return Response.json(result, { status: 201 });
});
