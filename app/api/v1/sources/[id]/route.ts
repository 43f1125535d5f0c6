// GET /api/v1/sources/{id}?asOf&axis: a source with its grade and the developments citing it; a merged duplicate redirects (307: merges can be undone) to the source it joined.
import { ZSourceBody } from "@/lib/schemas/responses/source-responses";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { getSource } from "@/lib/server/sources/get-source";
import { ZAsOfQuery } from "@/lib/schemas/as-of";
import { asOfFromQuery } from "@/lib/server/as-of-sql";
import { asOfJson, keepLinks } from "../../read-helpers";
import { keepAsOf } from "@/lib/domain/as-of-link";

export const GET = apiRoute(
  {
    permission: "published:read",
    summary: "Get a source with its grade and the developments citing it (307 to the source a merged duplicate joined)",
    response: ZSourceBody,
    otherSuccessStatuses: [307],
    params: ["id"],
    query: ZAsOfQuery,
  },
  async (_request, { actor, params, query }) => {
    // Dates and wall times of asOf are read in UTC: a source has no zone of its own (decision 036).
    const asOf = asOfFromQuery(query);
    const result = await getSource(actor, params.id, asOf);
    if ("mergedInto" in result) return new Response(null, { status: 307, headers: { location: keepAsOf(`/api/v1/sources/${result.mergedInto}`, asOf) } });
    const { source } = result;
    return {
      data: {
        ...source,
        publishedAt: source.publishedAt?.toISOString() ?? null,
        accessedAt: source.accessedAt?.toISOString() ?? null,
        retiredAt: source.retiredAt?.toISOString() ?? null,
        citedBy: result.citedBy.map((citing) => ({ ...citing, occurredAt: citing.occurredAt.toISOString(), href: keepAsOf(citing.href, asOf) })),
        citedByTotal: result.citedByTotal,
        notYet: result.notYet,
        asOf: asOfJson(asOf),
        links: keepLinks({ page: `/sources/${source.id}` }, asOf),
      },
    };
  },
);

// PATCH of the same path (an admin's edit) is kept beside this file.
export { PATCH } from "./patch";

export const { POST, PUT, DELETE, OPTIONS } = refuseOtherMethods(["GET", "PATCH"]);
