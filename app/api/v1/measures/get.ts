// GET /api/v1/measures?q&party&imposing&target&type&status&from&to&sort&asOf&axis&cursor&limit: trade measures with their current status, keyset-paged.
import { ZMeasureListQuery } from "@/lib/schemas/reader-queries";
import { ZMeasureListBody } from "@/lib/schemas/responses/measure-responses";
import { apiRoute } from "@/lib/server/api";
import { listMeasures } from "@/lib/server/measures/list-measures";
import { asOfJson, currentStatusJson, keepLinks, listResponse } from "../read-helpers";
import { asOfFromQuery } from "@/lib/server/as-of-sql";

export const GET = apiRoute(
  {
    permission: "published:read",
    summary: "List trade measures with their current status (search, filters, sort, keyset pages)",
    response: ZMeasureListBody,
    query: ZMeasureListQuery,
  },
  async (request, { actor, query }) => {
    // Dates and wall times of asOf are read in UTC: a list has no zone of its own (decision 036).
    const asOf = asOfFromQuery(query);
    const list = await listMeasures(actor, query, { cursor: query.cursor, limit: query.limit, asOf });
    const data = list.items.map((measure) => ({
      slug: measure.slug,
      title: measure.title,
      measureType: measure.measureType,
      announcedOn: measure.announcedOn?.toISOString().slice(0, 10) ?? null,
      imposingParty: measure.imposingParty,
      targets: measure.targets,
      current: currentStatusJson(measure.current),
      links: keepLinks({ self: `/api/v1/measures/${measure.slug}`, page: `/measures/${measure.slug}`, history: `/api/v1/status-changes?measure=${measure.slug}` }, asOf),
    }));
    return listResponse(request, data, list.nextCursor, { total: list.total, isTotalAtLeast: list.isTotalAtLeast, sort: list.sort, asOf: asOfJson(asOf) });
  },
);
