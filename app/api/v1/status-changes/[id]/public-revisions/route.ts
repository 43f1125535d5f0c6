// GET /api/v1/status-changes/{id}/public-revisions?asOf&axis: a published development's versions as readers see them, with what
// changed and why; as of an instant, the versions saved by then.
import { ZAsOfQuery } from "@/lib/schemas/as-of";
import { ZPublicRevisionListResponse } from "@/lib/schemas/revision-api";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { responseBody } from "@/lib/server/api/response-body";
import { listPublicRevisions } from "@/lib/server/revisions/list-public-revisions";
import { publicRevisionsJson } from "@/lib/server/revisions/public-revisions-json";

export const GET = apiRoute(
  {
    permission: "published:read",
    params: ["id"],
    summary: "List a published development's public versions, oldest first: who (role, or name where the analyst chose), when, kind, correction type, reason and what changed",
    response: ZPublicRevisionListResponse,
    query: ZAsOfQuery,
  },
  async (_request, { actor, params, query }) => responseBody(ZPublicRevisionListResponse, publicRevisionsJson(await listPublicRevisions(actor, params.id, query))),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET"]);
