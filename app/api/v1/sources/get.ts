// GET /api/v1/sources?q&kind&reliability&from&to&sort&asOf&axis&cursor&limit: sources (merged duplicates left out) with how often each is cited, keyset-paged.
import { ZSourceListQuery } from "@/lib/schemas/reader-queries";
import { ZSourceListBody } from "@/lib/schemas/responses/source-responses";
import { apiRoute } from "@/lib/server/api";
import { listSources } from "@/lib/server/sources/list-sources";
import { asOfJson, keepLinks, listResponse } from "../read-helpers";
import { asOfFromQuery } from "@/lib/server/as-of-sql";

export const GET = apiRoute(
  {
    permission: "published:read",
    summary: "List sources with how often each is cited",
    response: ZSourceListBody,
    query: ZSourceListQuery,
  },
  async (request, { actor, query }) => {
    // Dates and wall times of asOf are read in UTC: a source list has no zone of its own (decision 036).
    const asOf = asOfFromQuery(query);
    const list = await listSources(actor, query, { cursor: query.cursor, limit: query.limit, asOf });
    const data = list.items.map((source) => ({
      ...source,
      publishedAt: source.publishedAt?.toISOString() ?? null,
      retiredAt: source.retiredAt?.toISOString() ?? null,
      links: keepLinks({ self: `/api/v1/sources/${source.id}`, page: `/sources/${source.id}` }, asOf) }));
    return listResponse(request, data, list.nextCursor, { sort: list.sort, isRankCut: list.isRankCut, asOf: asOfJson(asOf) });
  },
);
