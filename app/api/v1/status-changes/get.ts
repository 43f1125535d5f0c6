// GET /api/v1/status-changes?q&agreement&measure&party&pair&status&direction&corroboration&from&to&state&order&asOf&axis&cursor&limit: published developments with citations, keyset-paged.
import { ZDevelopmentQuery } from "@/lib/schemas/reader-queries";
import { ZDevelopmentListBody } from "@/lib/schemas/responses/development-responses";
import { apiRoute } from "@/lib/server/api";
import { developmentJson } from "@/lib/server/exports/export-developments";
import { listPublishedChanges } from "@/lib/server/status-changes/list-published-changes";
import { listResponse } from "../read-helpers";

export const GET = apiRoute(
  {
    permission: "published:read",
    summary: "List published and retracted developments with their citations, newest first",
    response: ZDevelopmentListBody,
    query: ZDevelopmentQuery,
  },
  async (request, { actor, query }) => {
    const page = await listPublishedChanges(actor, query, { cursor: query.cursor, limit: query.limit });
    return listResponse(request, page.entries.map((entry) => developmentJson(entry)), page.nextCursor);
  },
);
