// GET /exports/pactwatch-datapackage.zip: the whole published record as a Frictionless Data Package (datapackage.json and one CSV per table), streamed.
import { Readable } from "node:stream";
import { z } from "zod";
import { apiRoute } from "@/lib/server/api";
import { dataPackageZip } from "@/lib/server/exports/datapackage/datapackage-zip";
import { requestOrigin } from "@/lib/server/request-origin";

export const GET = apiRoute(
  {
    permission: "published:read",
    summary: "Download the whole published record as a Frictionless Data Package: a ZIP of datapackage.json and one CSV per table",
    response: z.string().describe("application/zip: datapackage.json, data/<table>.csv"),
  },
  async (request, { actor }) => {
    const body = Readable.toWeb(dataPackageZip(actor, { homepage: requestOrigin(request) })) as ReadableStream<Uint8Array>;
    return new Response(body, {
      headers: {
        "content-type": "application/zip",
        "content-disposition": `attachment; filename="pactwatch-datapackage-${new Date().toISOString().slice(0, 10)}.zip"`,
        "cache-control": "no-store",
      },
    });
  },
);
