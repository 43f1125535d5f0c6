// GET /api/docs: the API reference (Swagger UI), readable offline (decision 021).
import { ZNotJsonBody } from "@/lib/schemas/responses/service-responses";
import { apiRoute } from "@/lib/server/api";
import { apiDocsHtml } from "@/lib/server/api/docs/api-docs-page";

export const dynamic = "force-dynamic";

// "public", like the document it shows. The nonce is the one proxy.ts put in this response's CSP.
export const GET = apiRoute({ permission: "public", summary: "Read the API reference", response: ZNotJsonBody }, async (request) => {
  const nonce = request.headers.get("x-nonce") ?? "";
  return new Response(apiDocsHtml(nonce), { headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
});
