// GET /api/v1/corrections?kind&type&subject&from&to&asOf&axis&cursor&limit: the corrections log, newest first, keyset-paged.
import { ZCorrectionsQuery } from "@/lib/schemas/reader-queries";
import { ZCorrectionListBody } from "@/lib/schemas/responses/correction-responses";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { correctionJson } from "@/lib/server/corrections/correction-json";
import { listCorrections } from "@/lib/server/corrections/list-corrections";
import { asOfFromQuery } from "@/lib/server/as-of-sql";
import { asOfJson, listResponse } from "../read-helpers";

export const GET = apiRoute(
  {
    permission: "published:read",
    summary: "List the corrections log: every correction, source erratum and retraction of a published development, newest first",
    response: ZCorrectionListBody,
    query: ZCorrectionsQuery,
  },
  async (request, { actor, query }) => {
    // As of an instant: the corrections recorded by then (dates and wall times in UTC, decision 036).
    const asOf = asOfFromQuery(query);
    const page = await listCorrections(actor, query);
    return listResponse(request, page.items.map((item) => correctionJson(item, "", asOf)), page.nextCursor, { asOf: asOfJson(asOf) });
  },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET"]);
