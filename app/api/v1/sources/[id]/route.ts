// GET /api/v1/sources/{id}: a source with its grade and the developments citing it; a merged duplicate redirects (307: merges can be undone) to the source it joined.
import { apiRoute } from "@/lib/server/api";
import { getSource } from "@/lib/server/sources/get-source";

export const GET = apiRoute({ permission: "published:read", params: ["id"] }, async (_request, { actor, params }) => {
  const result = await getSource(actor, params.id);
  if ("mergedInto" in result) return new Response(null, { status: 307, headers: { location: `/api/v1/sources/${result.mergedInto}` } });
  return { data: { ...result.source, citedBy: result.citedBy, citedByTotal: result.citedByTotal, links: { page: `/sources/${result.source.id}` } } };
});

// PATCH of the same path (an admin's edit) is kept beside this file.
export { PATCH } from "./patch";
