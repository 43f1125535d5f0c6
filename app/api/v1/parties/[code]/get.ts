// GET /api/v1/parties/{code}?asOf&axis: a party with its agreements, measures (imposed and received) and relations.
import { ZPartyBody } from "@/lib/schemas/responses/party-responses";
import { apiRoute } from "@/lib/server/api";
import { getParty } from "@/lib/server/parties/get-party";
import { asOfJson, currentStatusJson, keepLinks } from "../../read-helpers";
import { ZAsOfQuery } from "@/lib/schemas/as-of";
import { asOfFromQuery } from "@/lib/server/as-of-sql";

export const GET = apiRoute(
  {
    permission: "published:read",
    summary: "Get a party with its agreements, measures and counterparts",
    response: ZPartyBody,
    params: ["code"],
    query: ZAsOfQuery,
  },
  async (_request, { actor, params, query }) => {
    // Dates and wall times of asOf are read in UTC: a party has no zone of its own (decision 036).
    const asOf = asOfFromQuery(query);
    const party = await getParty(actor, params.code.toUpperCase(), new Date(), asOf);
    return {
      data: {
        ...party,
        asOf: asOfJson(asOf),
        agreements: party.agreements.map((agreement) => ({ ...agreement, current: currentStatusJson(agreement.current) })),
        measures: party.measures.map((measure) => ({ ...measure, current: currentStatusJson(measure.current) })),
        counterparts: party.counterparts.map((other) => ({ ...other, relation: keepLinks({ href: `/api/v1/relations/${[party.code, other.code].sort().join("-")}` }, asOf).href })),
        links: keepLinks({ page: `/parties/${party.code}`, history: `/api/v1/status-changes?party=${party.code}`, feed: `/feeds/parties/${party.code}.atom` }, asOf),
      },
    };
  },
);
