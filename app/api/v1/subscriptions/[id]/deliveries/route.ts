// GET /api/v1/subscriptions/{id}/deliveries: one of the caller's subscriptions' delivery log, newest first (?before=<id> pages on).
import { z } from "zod";
import { ZDeliveryLogResponse } from "@/lib/schemas/subscription-api";
import { recordId } from "@/lib/schemas/record-id";
import { ZSubscriptionId } from "@/lib/schemas/subscription";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { responseBody, withIsoDates } from "@/lib/server/api/response-body";
import { listDeliveries } from "@/lib/server/subscriptions/list-deliveries";

const ZDeliveryLogQuery = z.object({ before: recordId("before is the id of the last delivery of the previous page").optional() });

export const GET = apiRoute(
  { permission: "subscription:manage-own", params: ["id"], query: ZDeliveryLogQuery, summary: "Read one of your subscriptions' delivery log", response: ZDeliveryLogResponse },
  async (_request, { actor, params, query }) => {
    const log = await listDeliveries(actor, ZSubscriptionId.parse({ id: params.id }).id, { before: query.before });
    return responseBody(ZDeliveryLogResponse, { data: withIsoDates(log.deliveries), next: log.next });
  },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET"]);
