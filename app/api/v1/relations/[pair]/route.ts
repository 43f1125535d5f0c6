// GET /api/v1/relations/{A-B}?asOf&axis: everything between two parties (either order): shared agreements, measures either way, yearly counts.
// Each list is a keyset page (most recently changed first) with its total; ?agreementsCursor=, ?firstCursor=, ?secondCursor= page on.
import { z } from "zod";
import { ZCursor, ZPartyPair } from "@/lib/schemas/reader-queries";
import { ZRelationBody } from "@/lib/schemas/responses/relation-responses";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { getRelation, RELATION_LISTS, type TRelationList } from "@/lib/server/relations/get-relation";
import { asOfJson, currentStatusJson, keepLinks } from "../../read-helpers";
import { ZAsOfFields } from "@/lib/schemas/as-of";
import { asOfFromQuery } from "@/lib/server/as-of-sql";

const ZRelationQuery = z.object({ agreementsCursor: ZCursor, firstCursor: ZCursor, secondCursor: ZCursor, ...ZAsOfFields });
const CURSOR_PARAM = { agreements: "agreementsCursor", first: "firstCursor", second: "secondCursor" } as const satisfies Record<TRelationList, keyof z.infer<typeof ZRelationQuery>>;

export const GET = apiRoute(
  {
    permission: "published:read",
    summary: "Get everything between two parties: shared agreements, measures either way, yearly counts",
    response: ZRelationBody,
    params: ["pair"],
    query: ZRelationQuery,
  },
  async (request, { actor, params, query }) => {
    // Dates and wall times of asOf are read in UTC: a relation has no zone of its own (decision 036).
    const asOf = asOfFromQuery(query);
    const relation = await getRelation(actor, ZPartyPair.parse(params.pair), {
      cursors: { agreements: query.agreementsCursor, first: query.firstCursor, second: query.secondCursor },
      asOf,
    });
    const item = ({ skeleton: _skeleton, timeline: _timeline, skeletonTruncated: _truncated, current, ...subject }: (typeof relation.agreements)[number]) => ({ ...subject, current: currentStatusJson(current) });
    const next = (list: TRelationList) => {
      const cursor = relation.lists[list].nextCursor;
      if (!cursor) return null;
      const url = new URL(request.url);
      url.searchParams.set(CURSOR_PARAM[list], cursor);
      return `${url.pathname}${url.search}`;
    };
    return {
      data: {
        pair: relation.pair,
        parties: relation.parties,
        agreements: relation.agreements.map(item),
        measures: relation.measures.map(item),
        totals: Object.fromEntries(RELATION_LISTS.map((list) => [list, relation.lists[list].total])) as Record<TRelationList, number>,
        years: relation.years,
        links: keepLinks({ page: `/relations/${relation.pair}`, history: `/api/v1/status-changes?pair=${relation.pair}`, feed: `/feeds/relations/${relation.pair}.atom` }, asOf),
        asOf: asOfJson(asOf),
      },
      links: { nextAgreements: next("agreements"), nextFirst: next("first"), nextSecond: next("second") },
    };
  },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET"]);
