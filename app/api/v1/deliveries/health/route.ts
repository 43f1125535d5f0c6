// GET /api/v1/deliveries/health?before: delivery health for admins, as /admin/deliveries shows it (failures keyset-paged by ?before=<failuresNext>).
import { ZDeliveryHealthQuery, ZDeliveryHealthResponse } from "@/lib/schemas/delivery-health-api";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { responseBody, withIsoDates } from "@/lib/server/api/response-body";
import { getDeliveryHealth } from "@/lib/server/subscriptions/get-delivery-health";

export const GET = apiRoute(
  {
    permission: "delivery:monitor",
    query: ZDeliveryHealthQuery,
    summary: "Read delivery health (admins): deliveries by state, the oldest waiting, recent failures (keyset-paged) and paused subscriptions",
    response: ZDeliveryHealthResponse,
  },
  async (_request, { actor, query }) => responseBody(ZDeliveryHealthResponse, withIsoDates(await getDeliveryHealth(actor, { failuresBefore: query.before }))),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET"]);
