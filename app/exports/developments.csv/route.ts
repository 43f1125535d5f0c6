// GET /exports/developments.csv?…filters of /developments: a filtered history as CSV, streamed (?rows=citations for a row per citation).
import { ZNotJsonBody } from "@/lib/schemas/responses/service-responses";
import { apiRoute } from "@/lib/server/api";
import { requestOrigin } from "@/lib/server/request-origin";
import { developmentsCsvStream } from "@/lib/server/exports/export-developments";
import { exportFilters } from "../export-query";

export const GET = apiRoute(
  {
    permission: "published:read",
    summary: "Download the filtered history as CSV",
    response: ZNotJsonBody,
  },
  async (request, { actor }) => {
    const { filters, fileName } = exportFilters(request);
    const shape = new URL(request.url).searchParams.get("rows") === "citations" ? "citations" : "developments";
    const origin = requestOrigin(request);
    return new Response(developmentsCsvStream(actor, filters, { shape, origin }), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${fileName}${shape === "citations" ? "-citations" : ""}.csv"`,
        "cache-control": "no-store",
      },
    });
  },
);
