// POST /api/v1/reviews/{id}/return: return a submission to its author; send {"version": n, "comment": "…"}.
import { ZReturnReview } from "@/lib/schemas/review";
import { ZReviewReturnedBody } from "@/lib/schemas/responses/write-responses";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { returnReview } from "@/lib/server/reviews/return-review";

export const POST = apiRoute(
  { permission: "review:decide", summary: "Return a submission to its author with a comment: nothing takes effect (never your own: 403)", response: ZReviewReturnedBody, params: ["id"], schema: ZReturnReview, complete: (body, { params }) => ({ ...body, id: params.id }) },
  async (_request, { actor, body }) => returnReview(actor, body),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["POST"]);
