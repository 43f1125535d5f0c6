// GET /api/v1/parties/{code}: a party with its agreements, measures (imposed and received) and relations.
import { ZPartyBody } from "@/lib/schemas/responses/party-responses";
import { apiRoute } from "@/lib/server/api";
import { getParty } from "@/lib/server/parties/get-party";
import { currentStatusJson } from "../../read-helpers";

export const GET = apiRoute(
  {
    permission: "published:read",
    summary: "Get a party with its agreements, measures and counterparts",
    response: ZPartyBody,
    params: ["code"],
  },
  async (_request, { actor, params }) => {
    const party = await getParty(actor, params.code.toUpperCase());
    return {
      data: {
        ...party,
        agreements: party.agreements.map((agreement) => ({ ...agreement, current: currentStatusJson(agreement.current) })),
        measures: party.measures.map((measure) => ({ ...measure, current: currentStatusJson(measure.current) })),
        counterparts: party.counterparts.map((other) => ({ ...other, relation: `/api/v1/relations/${[party.code, other.code].sort().join("-")}` })),
        links: { page: `/parties/${party.code}`, history: `/api/v1/status-changes?party=${party.code}`, feed: `/feeds/parties/${party.code}.atom` },
      },
    };
  },
);
