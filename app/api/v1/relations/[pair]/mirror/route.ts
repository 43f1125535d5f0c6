// GET /api/v1/relations/{A-B}/mirror: the measures either way between two parties, paired (RETALIATION_FOR links, then proposals), with their lags in days.
import { ZPartyPair } from "@/lib/schemas/reader-queries";
import { ZMirrorBody } from "@/lib/schemas/responses/mirror-responses";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { getMirror } from "@/lib/server/relations/get-mirror";

export const GET = apiRoute(
  { permission: "published:read", summary: "Get the mirror view of two parties: measures either way paired, with the lags between them", response: ZMirrorBody, params: ["pair"] },
  async (_request, { actor, params }) => {
    const mirror = await getMirror(actor, ZPartyPair.parse(params.pair));
    return {
      data: {
        pair: mirror.pair,
        parties: mirror.parties,
        pairs: mirror.pairs,
        unpaired: mirror.unpaired,
        totalMeasures: mirror.totalMeasures,
        isTruncated: mirror.isTruncated,
        links: { page: `/relations/${mirror.pair}/mirror`, relation: `/api/v1/relations/${mirror.pair}` },
      },
    };
  },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET"]);
