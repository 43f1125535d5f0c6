// GET /exports/developments.csv?…filters of /developments: a filtered history as CSV, streamed (?rows=citations for a row per citation).
import { ZNotJsonBody } from "@/lib/schemas/responses/service-responses";
import { apiRoute } from "@/lib/server/api";
import { requestOrigin } from "@/lib/server/request-origin";
import { developmentsCsvStream } from "@/lib/server/exports/export-developments";
import { acquireExportSlotFor } from "@/lib/server/exports/export-slots";
import { exportFilters } from "../export-query";

export const GET = apiRoute(
  {
    permission: "published:read",
    limit: "export",
    summary: "Export a filtered history as CSV, one row per development (or per citation with rows=citations)",
    response: ZNotJsonBody,
  },
  async (request, { actor }) => {
    const { filters, fileName } = exportFilters(request);
    const shape = new URL(request.url).searchParams.get("rows") === "citations" ? "citations" : "developments";
    const origin = requestOrigin(request);
    // Taken last, after every refusal that needs no slot; the stream gives it back when it ends.
    const slot = await acquireExportSlotFor(request, actor);
    return new Response(developmentsCsvStream(actor, filters, { shape, origin, slot }), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${fileName}${shape === "citations" ? "-citations" : ""}.csv"`,
        "cache-control": "no-store",
      },
    });
  },
);
