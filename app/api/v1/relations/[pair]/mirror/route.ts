// GET /api/v1/relations/{A-B}/mirror?asOf&axis: the measures either way between two parties, paired (RETALIATION_FOR links, then proposals), with their lags in days.
import { ZPartyPair } from "@/lib/schemas/reader-queries";
import { ZMirrorBody } from "@/lib/schemas/responses/mirror-responses";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { getMirror } from "@/lib/server/relations/get-mirror";
import { ZAsOfQuery } from "@/lib/schemas/as-of";
import { asOfFromQuery } from "@/lib/server/as-of-sql";
import { keepAsOf } from "@/lib/domain/as-of-link";
import { asOfJson, keepLinks } from "../../../read-helpers";

export const GET = apiRoute(
  { permission: "published:read", summary: "Get the mirror view of two parties: measures either way paired, with the lags between them", response: ZMirrorBody, params: ["pair"], query: ZAsOfQuery },
  async (_request, { actor, params, query }) => {
    // Dates and wall times of asOf are read in UTC: a relation has no zone of its own (decision 036).
    const asOf = asOfFromQuery(query);
    const mirror = await getMirror(actor, ZPartyPair.parse(params.pair), asOf);
    const kept = <TMeasure extends { href: string }>(measure: TMeasure) => ({ ...measure, href: keepAsOf(measure.href, asOf) });
    return {
      data: {
        pair: mirror.pair,
        parties: mirror.parties,
        pairs: mirror.pairs.map((pair) => ({ ...pair, original: kept(pair.original), answer: kept(pair.answer) })),
        unpaired: mirror.unpaired.map(kept),
        totalMeasures: mirror.totalMeasures,
        isTruncated: mirror.isTruncated,
        asOf: asOfJson(asOf),
        links: keepLinks({ page: `/relations/${mirror.pair}/mirror`, relation: `/api/v1/relations/${mirror.pair}` }, asOf),
      },
    };
  },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET"]);
