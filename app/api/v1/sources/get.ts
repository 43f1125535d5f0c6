// GET /api/v1/sources?q&kind&reliability&from&to&sort&cursor&limit: sources (merged duplicates left out) with how often each is cited, keyset-paged.
import { ZSourceListQuery } from "@/lib/schemas/reader-queries";
import { ZSourceListBody } from "@/lib/schemas/responses/source-responses";
import { apiRoute } from "@/lib/server/api";
import { listSources } from "@/lib/server/sources/list-sources";
import { listResponse } from "../read-helpers";

export const GET = apiRoute(
  {
    permission: "published:read",
    summary: "List sources with how often each is cited",
    response: ZSourceListBody,
    query: ZSourceListQuery,
  },
  async (request, { actor, query }) => {
    const list = await listSources(actor, query, { cursor: query.cursor, limit: query.limit });
    const data = list.items.map((source) => ({
      ...source,
      publishedAt: source.publishedAt?.toISOString() ?? null,
      retiredAt: source.retiredAt?.toISOString() ?? null,
      links: { self: `/api/v1/sources/${source.id}`, page: `/sources/${source.id}` } }));
    return listResponse(request, data, list.nextCursor, { sort: list.sort, isRankCut: list.isRankCut });
  },
);
