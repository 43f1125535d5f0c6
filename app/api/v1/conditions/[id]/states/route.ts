// POST /api/v1/conditions/{id}/states: record a new state of a condition; send its "version" (409 when another was recorded since).
import { ZRecordConditionState } from "@/lib/schemas/condition";
import { ZConditionWrittenBody } from "@/lib/schemas/condition-api";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { recordConditionState } from "@/lib/server/conditions/record-condition-state";

export const POST = apiRoute(
  {
    permission: "condition:write",
    summary: "Record a dated, cited state of a condition (send its version)",
    response: ZConditionWrittenBody,
    params: ["id"],
    schema: ZRecordConditionState,
    complete: (body, { params }) => ({ ...(body as object), conditionId: params.id }),
  },
  async (_request, { actor, body }) => recordConditionState(actor, body),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["POST"]);
