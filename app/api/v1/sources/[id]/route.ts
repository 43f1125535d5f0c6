// GET /api/v1/sources/{id}: a source with its grade and the developments citing it; a merged duplicate redirects (307: merges can be undone) to the source it joined.
import { ZSourceBody } from "@/lib/schemas/responses/source-responses";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { getSource } from "@/lib/server/sources/get-source";

export const GET = apiRoute(
  {
    permission: "published:read",
    summary: "Get a source with its grade and the developments citing it (307 to the source a merged duplicate joined)",
    response: ZSourceBody,
    otherSuccessStatuses: [307],
    params: ["id"],
  },
  async (_request, { actor, params }) => {
    const result = await getSource(actor, params.id);
    if ("mergedInto" in result) return new Response(null, { status: 307, headers: { location: `/api/v1/sources/${result.mergedInto}` } });
    const { source } = result;
    return {
      data: {
        ...source,
        publishedAt: source.publishedAt?.toISOString() ?? null,
        accessedAt: source.accessedAt?.toISOString() ?? null,
        retiredAt: source.retiredAt?.toISOString() ?? null,
        citedBy: result.citedBy.map((citing) => ({ ...citing, occurredAt: citing.occurredAt.toISOString() })),
        citedByTotal: result.citedByTotal,
        links: { page: `/sources/${source.id}` },
      },
    };
  },
);

// PATCH of the same path (an admin's edit) is kept beside this file.
export { PATCH } from "./patch";

export const { POST, PUT, DELETE, OPTIONS } = refuseOtherMethods(["GET", "PATCH"]);
