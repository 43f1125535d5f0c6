// GET /exports/developments.json?…filters of /developments: a filtered history with its citations as one JSON document, streamed.
import { ZNotJsonBody } from "@/lib/schemas/responses/service-responses";
import { apiRoute } from "@/lib/server/api";
import { requestOrigin } from "@/lib/server/request-origin";
import { developmentsJsonStream } from "@/lib/server/exports/export-developments";
import { exportFilters } from "../export-query";

export const GET = apiRoute(
  {
    permission: "published:read",
    summary: "Download the filtered history as JSON",
    response: ZNotJsonBody,
  },
  async (request, { actor }) => {
    const { filters, query, fileName } = exportFilters(request);
    const origin = requestOrigin(request);
    return new Response(developmentsJsonStream(actor, filters, { origin, query }), {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="${fileName}.json"`,
        "cache-control": "no-store",
      },
    });
  },
);
