// GET /api/v1/conditions?agreement|measure|statusChange: published conditions, keyset-paged in the order they were added with their states; POST: add a condition to a development.
import { ZAddCondition } from "@/lib/schemas/condition";
import { ZConditionListBody, ZConditionQuery, ZConditionWrittenBody } from "@/lib/schemas/condition-api";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { addCondition } from "@/lib/server/conditions/add-condition";
import { conditionJson } from "@/lib/server/conditions/condition-json";
import { listConditionsPage } from "@/lib/server/conditions/list-subject-conditions";
import { listResponse } from "../read-helpers";

export const GET = apiRoute(
  {
    permission: "published:read",
    summary: "List the published conditions of an agreement, a measure or one development (or all), each with its dated, cited states",
    response: ZConditionListBody,
    query: ZConditionQuery,
  },
  async (request, { actor, query }) => {
    const where = query.agreement ? { agreement: query.agreement } : query.measure ? { measure: query.measure } : query.statusChange ? { statusChangeId: query.statusChange } : { everything: true as const };
    const page = await listConditionsPage(actor, where, { cursor: query.cursor, limit: query.limit });
    return listResponse(request, page.conditions.map(conditionJson), page.nextCursor);
  },
);

export const POST = apiRoute(
  { permission: "condition:write", schema: ZAddCondition, summary: "Add a condition, with its first cited state, to a development", response: ZConditionWrittenBody, successStatus: 201 },
  async (_request, { actor, body }) => addCondition(actor, body),
);

export const { PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET", "POST"]);
