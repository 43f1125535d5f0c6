// GET /exports/corrections.csv?…filters of /corrections: the corrections log as CSV, streamed, newest first.
import { ZNotJsonBody } from "@/lib/schemas/responses/service-responses";
import { apiRoute } from "@/lib/server/api";
import { correctionsCsvStream } from "@/lib/server/corrections/export-corrections";
import { acquireExportSlotFor } from "@/lib/server/exports/export-slots";
import { requestOrigin } from "@/lib/server/request-origin";
import { correctionExportFilters } from "../corrections-query";

export const GET = apiRoute(
  { permission: "published:read", limit: "export", summary: "Export the corrections log (filtered as /corrections) as CSV, one row per correction", response: ZNotJsonBody },
  async (request, { actor }) => {
    const { filters, fileName } = correctionExportFilters(request);
    const origin = requestOrigin(request);
    // Taken last, after every refusal that needs no slot; the stream gives it back when it ends.
    const slot = await acquireExportSlotFor(request, actor);
    return new Response(correctionsCsvStream(actor, filters, { origin, slot }), {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${fileName}.csv"`, "cache-control": "no-store" },
    });
  },
);
