// GET /api/v1/parties?q&kind&scope&sort&asOf&axis&cursor&limit: parties with how many agreements and measures involve each, keyset-paged.
import { ZPartyListQuery } from "@/lib/schemas/reader-queries";
import { ZPartyListBody } from "@/lib/schemas/responses/party-responses";
import { apiRoute } from "@/lib/server/api";
import { listParties } from "@/lib/server/parties/list-parties";
import { asOfJson, keepLinks, listResponse } from "../read-helpers";
import { asOfFromQuery } from "@/lib/server/as-of-sql";

export const GET = apiRoute(
  {
    permission: "published:read",
    summary: "List parties with how many agreements and measures involve each",
    response: ZPartyListBody,
    query: ZPartyListQuery,
  },
  async (request, { actor, query }) => {
    // Dates and wall times of asOf are read in UTC: a list has no zone of its own (decision 036).
    const asOf = asOfFromQuery(query);
    const list = await listParties(actor, query, { cursor: query.cursor, limit: query.limit, asOf });
    const data = list.items.map((party) => ({ ...party, links: keepLinks({ self: `/api/v1/parties/${party.code}`, page: `/parties/${party.code}` }, asOf) }));
    return listResponse(request, data, list.nextCursor, { total: list.total, asOf: asOfJson(asOf) });
  },
);
