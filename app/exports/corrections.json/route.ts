// GET /exports/corrections.json?…filters of /corrections: the corrections log as one JSON document, streamed, newest first.
import { ZNotJsonBody } from "@/lib/schemas/responses/service-responses";
import { apiRoute } from "@/lib/server/api";
import { correctionsJsonStream } from "@/lib/server/corrections/export-corrections";
import { acquireExportSlotFor } from "@/lib/server/exports/export-slots";
import { requestOrigin } from "@/lib/server/request-origin";
import { correctionExportFilters } from "../corrections-query";

export const GET = apiRoute(
  { permission: "published:read", limit: "export", summary: "Export the corrections log (filtered as /corrections) as one JSON document", response: ZNotJsonBody },
  async (request, { actor }) => {
    const { filters, query, fileName } = correctionExportFilters(request);
    const origin = requestOrigin(request);
    // Taken last, after every refusal that needs no slot; the stream gives it back when it ends.
    const slot = await acquireExportSlotFor(request, actor);
    return new Response(correctionsJsonStream(actor, filters, { origin, query, slot }), {
      headers: { "content-type": "application/json; charset=utf-8", "content-disposition": `attachment; filename="${fileName}.json"`, "cache-control": "no-store" },
    });
  },
);
