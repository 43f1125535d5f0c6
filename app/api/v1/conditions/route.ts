// GET /api/v1/conditions?agreement|measure|statusChange&asOf&axis: published conditions (as they stood, with asOf), keyset-paged in the order they were
// added with their states; POST: add a condition to a development.
import { ZAddCondition } from "@/lib/schemas/condition";
import { ZConditionListBody, ZConditionQuery, ZConditionWrittenBody } from "@/lib/schemas/condition-api";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { addCondition } from "@/lib/server/conditions/add-condition";
import { conditionJson } from "@/lib/server/conditions/condition-json";
import { listConditionsPage } from "@/lib/server/conditions/list-subject-conditions";
import { asOfFromQuery } from "@/lib/server/as-of-sql";
import { asOfJson, listResponse } from "../read-helpers";

export const GET = apiRoute(
  {
    permission: "published:read",
    summary: "List the published conditions of an agreement, a measure or one development (or all), each with its dated, cited states; with asOf, as they stood then",
    response: ZConditionListBody,
    query: ZConditionQuery,
  },
  async (request, { actor, query }) => {
    const where = query.agreement ? { agreement: query.agreement } : query.measure ? { measure: query.measure } : query.statusChange ? { statusChangeId: query.statusChange } : { everything: true as const };
    // Dates and wall times of asOf are read in UTC: a list has no zone of its own (decision 036).
    const asOf = asOfFromQuery(query);
    const page = await listConditionsPage(actor, where, { cursor: query.cursor, limit: query.limit, asOf });
    return listResponse(request, page.conditions.map(conditionJson), page.nextCursor, { asOf: asOfJson(asOf) });
  },
);

export const POST = apiRoute(
  { permission: "condition:write", schema: ZAddCondition, summary: "Add a condition, with its first cited state, to a development", response: ZConditionWrittenBody, successStatus: 201 },
  async (_request, { actor, body }) => addCondition(actor, body),
);

export const { PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET", "POST"]);
