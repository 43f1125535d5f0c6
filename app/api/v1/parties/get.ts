// GET /api/v1/parties?q&kind&scope&sort&cursor&limit: parties with how many agreements and measures involve each, keyset-paged.
import { ZPartyListQuery } from "@/lib/schemas/reader-queries";
import { ZPartyListBody } from "@/lib/schemas/responses/party-responses";
import { apiRoute } from "@/lib/server/api";
import { listParties } from "@/lib/server/parties/list-parties";
import { listResponse } from "../read-helpers";

export const GET = apiRoute(
  {
    permission: "published:read",
    summary: "List parties with how many agreements and measures involve each",
    response: ZPartyListBody,
    query: ZPartyListQuery,
  },
  async (request, { actor, query }) => {
    const list = await listParties(actor, query, { cursor: query.cursor, limit: query.limit });
    const data = list.items.map((party) => ({ ...party, links: { self: `/api/v1/parties/${party.code}`, page: `/parties/${party.code}` } }));
    return listResponse(request, data, list.nextCursor, { total: list.total });
  },
);
