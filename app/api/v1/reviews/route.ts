// GET /api/v1/reviews?cursor&limit: the submissions waiting for review, oldest first (analysts and admins).
import { ZReviewQueueQuery, ZReviewQueueResponse } from "@/lib/schemas/review-api";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { responseBody, withIsoDates } from "@/lib/server/api/response-body";
import { listReviewQueue } from "@/lib/server/reviews/list-review-queue";
import { listResponse } from "../read-helpers";

export const GET = apiRoute(
  { permission: "review:decide", query: ZReviewQueueQuery, summary: "List the submissions waiting for two-person review, oldest first, a page at a time", response: ZReviewQueueResponse },
  async (request, { actor, query }) => {
    const page = await listReviewQueue(actor, { cursor: query.cursor, limit: query.limit });
    const data = page.items.map((item) =>
      withIsoDates({ ...item, links: { approve: `/api/v1/reviews/${item.id}/approve`, return: `/api/v1/reviews/${item.id}/return`, entry: `/api/v1/status-changes/${item.entry.id}` } }),
    );
    return responseBody(ZReviewQueueResponse, listResponse(request, data, page.nextCursor));
  },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET"]);
