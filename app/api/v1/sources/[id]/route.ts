// GET /api/v1/sources/{id}: a source with its grade and the developments citing it; a merged duplicate redirects (307: merges can be undone) to the source it joined.
// PATCH /api/v1/sources/{id}: an admin's edit of a source's details; send "version" and the fields to change (409 when it changed since).
import { ZUpdateSource } from "@/lib/schemas/admin-source";
import { ZSourceWriteResult } from "@/lib/schemas/admin-source-api";
import { apiRoute } from "@/lib/server/api";
import { responseBody } from "@/lib/server/api/response-body";
import { getSource } from "@/lib/server/sources/get-source";
import { getSourceForAdmin } from "@/lib/server/sources/get-source-for-admin";
import { sourceFormValues } from "@/lib/server/sources/source-form-values";
import { updateSource } from "@/lib/server/sources/update-source";

export const GET = apiRoute({ permission: "published:read", params: ["id"] }, async (_request, { actor, params }) => {
  const result = await getSource(actor, params.id);
  if ("mergedInto" in result) return new Response(null, { status: 307, headers: { location: `/api/v1/sources/${result.mergedInto}` } });
  return { data: { ...result.source, citedBy: result.citedBy, citedByTotal: result.citedByTotal, links: { page: `/sources/${result.source.id}` } } };
});

export const PATCH = apiRoute(
  {
    permission: "source:edit",
    params: ["id"],
    schema: ZUpdateSource,
    // Fields left out keep their current values, as the edit form shows them; the version must be sent.
    complete: async (body, { actor, params }) => ({ ...sourceFormValues(await getSourceForAdmin(actor, params.id)), ...body, id: params.id }),
    summary: "Edit a source's link, title, publisher, authors, dates, kind, language or archived copy (send the version you read)",
    response: ZSourceWriteResult,
  },
  async (_request, { actor, body }) => responseBody(ZSourceWriteResult, await updateSource(actor, body)),
);
