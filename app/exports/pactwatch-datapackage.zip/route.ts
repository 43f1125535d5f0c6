// GET /exports/pactwatch-datapackage.zip?asOf&axis: the whole published record (as it stood then, with asOf) as a Frictionless Data Package (datapackage.json and one CSV per table), streamed.
import { Readable } from "node:stream";
import { z } from "zod";
import { ZAsOfQuery } from "@/lib/schemas/as-of";
import { apiRoute } from "@/lib/server/api";
import { asOfFromQuery } from "@/lib/server/as-of-sql";
import { dataPackageZip } from "@/lib/server/exports/datapackage/datapackage-zip";
import { requestOrigin } from "@/lib/server/request-origin";

export const GET = apiRoute(
  {
    permission: "published:read",
    summary: "Download the whole published record as a Frictionless Data Package: a ZIP of datapackage.json and one CSV per table; with asOf, the record as it stood then",
    response: z.string().describe("application/zip: datapackage.json, data/<table>.csv"),
    query: ZAsOfQuery,
  },
  async (request, { actor, query }) => {
    // Dates and wall times in UTC, as every read without a zone of its own (decision 036).
    const asOf = asOfFromQuery(query);
    const body = Readable.toWeb(dataPackageZip(actor, { homepage: requestOrigin(request), asOf })) as ReadableStream<Uint8Array>;
    const name = `pactwatch-datapackage-${asOf ? `as-of-${asOf.instant.toISOString().slice(0, 10)}-${asOf.axis}` : new Date().toISOString().slice(0, 10)}`;
    return new Response(body, {
      headers: {
        "content-type": "application/zip",
        "content-disposition": `attachment; filename="${name}.zip"`,
        "cache-control": "no-store",
      },
    });
  },
);
