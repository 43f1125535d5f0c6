// POST /api/v1/status-changes/{id}/publish: publish a draft as it stands; send {"version": n}.
import { ZPublishStatusChange } from "@/lib/schemas/status-change";
import { ZDevelopmentWrittenBody } from "@/lib/schemas/responses/write-responses";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { publishStatusChange } from "@/lib/server/status-changes/publish-status-change";

export const POST = apiRoute(
  { permission: "status-change:publish", summary: "Publish a draft as it stands (send its version)", response: ZDevelopmentWrittenBody, params: ["id"], schema: ZPublishStatusChange, complete: (body, { params }) => ({ ...body, id: params.id }) },
  async (_request, { actor, body }) => publishStatusChange(actor, body),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["POST"]);
