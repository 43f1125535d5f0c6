// GET /api/v1/agreements?q&party&kind&status&from&to&sort&asOf&axis&cursor&limit: agreements with their current status, keyset-paged.
import { ZAgreementListQuery } from "@/lib/schemas/reader-queries";
import { listAgreements } from "@/lib/server/agreements/list-agreements";
import { ZAgreementListBody } from "@/lib/schemas/responses/agreement-responses";
import { apiRoute } from "@/lib/server/api";
import { asOfJson, currentStatusJson, keepLinks, listResponse } from "../read-helpers";
import { asOfFromQuery } from "@/lib/server/as-of-sql";

export const GET = apiRoute(
  {
    permission: "published:read",
    summary: "List agreements with their current status (search, filters, sort, keyset pages)",
    response: ZAgreementListBody,
    query: ZAgreementListQuery,
  },
  async (request, { actor, query }) => {
    // Dates and wall times of asOf are read in UTC: a list has no zone of its own (decision 036).
    const asOf = asOfFromQuery(query);
    const list = await listAgreements(actor, query, { cursor: query.cursor, limit: query.limit, asOf });
    const data = list.items.map((agreement) => ({
      slug: agreement.slug,
      title: agreement.title,
      shortName: agreement.shortName,
      kind: agreement.kind,
      signedOn: agreement.signedOn?.toISOString().slice(0, 10) ?? null,
      parties: agreement.parties,
      current: currentStatusJson(agreement.current),
      links: keepLinks({ self: `/api/v1/agreements/${agreement.slug}`, page: `/agreements/${agreement.slug}`, history: `/api/v1/status-changes?agreement=${agreement.slug}` }, asOf),
    }));
    return listResponse(request, data, list.nextCursor, { total: list.total, isTotalAtLeast: list.isTotalAtLeast, sort: list.sort, asOf: asOfJson(asOf) });
  },
);
