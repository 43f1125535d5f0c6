// GET /api/v1/status-changes?q&agreement&measure&party&pair&status&direction&from&to&state&order&cursor&limit: published developments with citations, keyset-paged.
import { ZDevelopmentQuery } from "@/lib/schemas/reader-queries";
import { apiRoute } from "@/lib/server/api";
import { developmentJson } from "@/lib/server/exports/export-developments";
import { listPublishedChanges } from "@/lib/server/status-changes/list-published-changes";
import { listResponse } from "../read-helpers";

export const GET = apiRoute({ permission: "published:read", query: ZDevelopmentQuery }, async (request, { actor, query }) => {
  const page = await listPublishedChanges(actor, query, { cursor: query.cursor, limit: query.limit });
  return listResponse(request, page.entries.map((entry) => developmentJson(entry)), page.nextCursor);
});
