// GET /api/v1/corrections?kind&type&subject&from&to&cursor&limit: the corrections log, newest first, keyset-paged.
import { ZCorrectionsQuery } from "@/lib/schemas/reader-queries";
import { ZCorrectionListBody } from "@/lib/schemas/responses/correction-responses";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { correctionJson } from "@/lib/server/corrections/correction-json";
import { listCorrections } from "@/lib/server/corrections/list-corrections";
import { listResponse } from "../read-helpers";

export const GET = apiRoute(
  {
    permission: "published:read",
    summary: "List the corrections log: every correction, source erratum and retraction of a published development, newest first",
    response: ZCorrectionListBody,
    query: ZCorrectionsQuery,
  },
  async (request, { actor, query }) => {
    const page = await listCorrections(actor, query);
    return listResponse(request, page.items.map((item) => correctionJson(item)), page.nextCursor);
  },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET"]);
