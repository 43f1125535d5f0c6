// GET /api/v1/admin/source-duplicates?limit: proposals of sources that are likely one article, each with the source to keep.
import { ZDuplicateProposalQuery, ZDuplicateProposalResponse } from "@/lib/schemas/admin-source-api";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { responseBody, withIsoDates } from "@/lib/server/api/response-body";
import { listDuplicateCandidates } from "@/lib/server/sources/list-duplicate-candidates";

export const GET = apiRoute(
  {
    permission: "source:merge",
    query: ZDuplicateProposalQuery,
    summary: "List duplicate-source proposals (same canonical link, same title and publisher, or same archived copy), each suggesting which source to keep",
    response: ZDuplicateProposalResponse,
  },
  async (_request, { actor, query }) => {
    const { proposals, total } = await listDuplicateCandidates(actor, { limit: query.limit });
    return responseBody(ZDuplicateProposalResponse, { data: withIsoDates(proposals), total });
  },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET"]);
