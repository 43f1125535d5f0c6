// POST /api/v1/status-changes: log a development (intent "draft" or "publish"), as the log form does.
import { ZLogStatusChange } from "@/lib/schemas/status-change";
import { ZDevelopmentWrittenBody } from "@/lib/schemas/responses/write-responses";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { logStatusChange } from "@/lib/server/status-changes/log-status-change";

// GET of the same path is the read API's handler, kept beside this file.
export { GET } from "./get";

export const POST = apiRoute(
  { permission: "status-change:log", schema: ZLogStatusChange, summary: "Log a development (a draft, or published at once)", response: ZDevelopmentWrittenBody, successStatus: 201 },
  async (_request, { actor, body }) => logStatusChange(actor, body),
);

export const { PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET", "POST"]);
