// GET /api/docs/assets/{file}: Swagger UI's script and stylesheet from the installed swagger-ui-dist package, and the script that starts it.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ZNotJsonBody } from "@/lib/schemas/responses/service-responses";
import { apiRoute } from "@/lib/server/api";
import { API_DOCS_START_SCRIPT } from "@/lib/server/api/docs/api-docs-page";
import { AppError } from "@/lib/server/errors";

// Only these names: the path never reaches the file system from the request.
const PACKAGE_FILES: Record<string, string> = {
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  "swagger-ui.css": "text/css; charset=utf-8",
};
// A year: the page asks for each file with the package version in its query string.
const CACHE = "public, max-age=31536000, immutable";

export const GET = apiRoute(
  {
    permission: "public",
    summary: "Get a file of the API reference page",
    response: ZNotJsonBody,
    params: ["file"],
  },
  async (_request, { params }) => {
    if (params.file === "pactwatch-api-docs.js") {
      return new Response(API_DOCS_START_SCRIPT, { headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": CACHE } });
    }
    const type = PACKAGE_FILES[params.file];
    if (!type) throw new AppError("NOT_FOUND", "No such file of the API reference.");
    // Read from the installed package: `next start` runs in the project, beside node_modules.
    const body = await readFile(path.join(process.cwd(), "node_modules", "swagger-ui-dist", params.file));
    return new Response(new Uint8Array(body), { headers: { "content-type": type, "cache-control": CACHE } });
  },
);
