// GET /api/v1/agreements?q&party&kind&status&from&to&sort&cursor&limit: agreements with their current status, keyset-paged.
import { ZAgreementListQuery } from "@/lib/schemas/reader-queries";
import { listAgreements } from "@/lib/server/agreements/list-agreements";
import { ZAgreementListBody } from "@/lib/schemas/responses/agreement-responses";
import { apiRoute } from "@/lib/server/api";
import { currentStatusJson, listResponse } from "../read-helpers";

export const GET = apiRoute(
  {
    permission: "published:read",
    summary: "List agreements with their current status (search, filters, sort, keyset pages)",
    response: ZAgreementListBody,
    query: ZAgreementListQuery,
  },
  async (request, { actor, query }) => {
    const list = await listAgreements(actor, query, { cursor: query.cursor, limit: query.limit });
    const data = list.items.map((agreement) => ({
      slug: agreement.slug,
      title: agreement.title,
      shortName: agreement.shortName,
      kind: agreement.kind,
      signedOn: agreement.signedOn?.toISOString().slice(0, 10) ?? null,
      parties: agreement.parties,
      current: currentStatusJson(agreement.current),
      links: { self: `/api/v1/agreements/${agreement.slug}`, page: `/agreements/${agreement.slug}`, history: `/api/v1/status-changes?agreement=${agreement.slug}` },
    }));
    return listResponse(request, data, list.nextCursor, { total: list.total, isTotalAtLeast: list.isTotalAtLeast, sort: list.sort });
  },
);
