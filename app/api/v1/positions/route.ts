// GET /api/v1/positions?agreement|measure|statusChange&asOf&axis: published party positions (as they stood, with asOf), keyset-paged in the order they were added; POST: add one (with supersedesId and supersedesVersion, supersede an earlier one).
import { ZAddPosition } from "@/lib/schemas/party-position";
import { ZPositionListBody, ZPositionQuery, ZPositionWrittenBody } from "@/lib/schemas/party-position-api";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { addPosition } from "@/lib/server/positions/add-position";
import { listPositionsPage } from "@/lib/server/positions/list-positions";
import { positionJson } from "@/lib/server/positions/position-json";
import { asOfFromQuery } from "@/lib/server/as-of-sql";
import { asOfJson, listResponse } from "../read-helpers";

export const GET = apiRoute(
  {
    permission: "published:read",
    summary: "List the published positions of the parties on an agreement, a measure or one development (or all), each quoted with its source, date and language; with asOf, as they stood then",
    response: ZPositionListBody,
    query: ZPositionQuery,
  },
  async (request, { actor, query }) => {
    const where = query.agreement ? { agreement: query.agreement } : query.measure ? { measure: query.measure } : query.statusChange ? { statusChangeId: query.statusChange } : { everything: true as const };
    // Dates and wall times of asOf are read in UTC: a list has no zone of its own (decision 036).
    const asOf = asOfFromQuery(query);
    const page = await listPositionsPage(actor, where, { cursor: query.cursor, limit: query.limit, asOf });
    return listResponse(request, page.positions.map(positionJson), page.nextCursor, { asOf: asOfJson(asOf) });
  },
);

export const POST = apiRoute(
  { permission: "position:write", schema: ZAddPosition, summary: "Add a party's position, or supersede its earlier one on the same subject (send supersedesId and supersedesVersion)", response: ZPositionWrittenBody, successStatus: 201 },
  async (_request, { actor, body }) => addPosition(actor, body),
);

export const { PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET", "POST"]);
