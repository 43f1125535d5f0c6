// GET /exports/developments.json?…filters of /developments: a filtered history with its citations as one JSON document, streamed.
import { ZNotJsonBody } from "@/lib/schemas/responses/service-responses";
import { apiRoute } from "@/lib/server/api";
import { requestOrigin } from "@/lib/server/request-origin";
import { developmentsJsonStream } from "@/lib/server/exports/export-developments";
import { acquireExportSlotFor } from "@/lib/server/exports/export-slots";
import { exportFilters } from "../export-query";

export const GET = apiRoute(
  {
    permission: "published:read",
    limit: "export",
    summary: "Export a filtered history with its citations as one JSON document",
    response: ZNotJsonBody,
  },
  async (request, { actor }) => {
    const { filters, query, fileName } = exportFilters(request);
    const origin = requestOrigin(request);
    // Taken last, after every refusal that needs no slot; the stream gives it back when it ends.
    const slot = await acquireExportSlotFor(request, actor);
    return new Response(developmentsJsonStream(actor, filters, { origin, query, slot }), {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="${fileName}.json"`,
        "cache-control": "no-store",
      },
    });
  },
);
