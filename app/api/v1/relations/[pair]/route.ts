// GET /api/v1/relations/{A-B}: everything between two parties (either order): shared agreements, measures either way, yearly counts.
import { ZPartyPair } from "@/lib/schemas/reader-queries";
import { apiRoute } from "@/lib/server/api";
import { getRelation } from "@/lib/server/relations/get-relation";
import { currentStatusJson } from "../../read-helpers";

export const GET = apiRoute({ permission: "published:read", params: ["pair"] }, async (_request, { actor, params }) => {
  const relation = await getRelation(actor, ZPartyPair.parse(params.pair));
  const item = ({ skeleton: _skeleton, timeline: _timeline, current, ...subject }: (typeof relation.agreements)[number]) => ({ ...subject, current: currentStatusJson(current) });
  return {
    data: {
      pair: relation.pair,
      parties: relation.parties,
      agreements: relation.agreements.map(item),
      measures: relation.measures.map(item),
      years: relation.years,
      links: { page: `/relations/${relation.pair}`, history: `/api/v1/status-changes?pair=${relation.pair}`, feed: `/feeds/relations/${relation.pair}.atom` },
    },
  };
});
