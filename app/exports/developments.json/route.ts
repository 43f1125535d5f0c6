// GET /exports/developments.json?…filters of /developments: a filtered history with its citations as one JSON document, streamed.
import { apiRoute } from "@/lib/server/api";
import { getAppEnv } from "@/lib/server/env";
import { developmentsJsonStream } from "@/lib/server/exports/export-developments";
import { exportFilters } from "../export-query";

export const GET = apiRoute(async (request, { actor }) => {
  const { filters, query, fileName } = exportFilters(request);
  const origin = getAppEnv().PUBLIC_URL?.replace(/\/$/, "") ?? new URL(request.url).origin;
  return new Response(developmentsJsonStream(actor, filters, { origin, query }), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}.json"`,
      "cache-control": "no-store",
    },
  });
});
