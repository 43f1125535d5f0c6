// POST /api/v1/reviews/{id}/approve: approve a submission, never one's own; send {"version": n}.
import { ZApproveReview } from "@/lib/schemas/review";
import { ZDevelopmentWrittenBody } from "@/lib/schemas/responses/write-responses";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { approveReview } from "@/lib/server/reviews/approve-review";

export const POST = apiRoute(
  { permission: "review:decide", summary: "Approve a submission for review: it takes effect, with you recorded as reviewer (never your own: 403)", response: ZDevelopmentWrittenBody, params: ["id"], schema: ZApproveReview, complete: (body, { params }) => ({ ...body, id: params.id }) },
  async (_request, { actor, body }) => approveReview(actor, body),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["POST"]);
