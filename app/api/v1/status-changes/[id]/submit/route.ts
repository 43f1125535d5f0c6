// POST /api/v1/status-changes/{id}/submit: submit a draft for two-person review as it stands; send {"version": n}.
import { ZPublishStatusChange } from "@/lib/schemas/status-change";
import { ZDevelopmentWrittenBody } from "@/lib/schemas/responses/write-responses";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { submitStatusChange } from "@/lib/server/reviews/submit-status-change";

export const POST = apiRoute(
  { permission: "status-change:publish", summary: "Submit a draft for review: another analyst or an admin approves it (send its version)", response: ZDevelopmentWrittenBody, params: ["id"], schema: ZPublishStatusChange, complete: (body, { params }) => ({ ...body, id: params.id }) },
  async (_request, { actor, body }) => submitStatusChange(actor, body),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["POST"]);
