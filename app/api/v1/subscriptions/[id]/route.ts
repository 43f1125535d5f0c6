// DELETE /api/v1/subscriptions/{id}: unsubscribe from one of the caller's own subscriptions (again: answers the first time).
import { ZSubscriptionEnded } from "@/lib/schemas/subscription-api";
import { ZSubscriptionId } from "@/lib/schemas/subscription";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { responseBody, withIsoDates } from "@/lib/server/api/response-body";
import { endSubscription } from "@/lib/server/subscriptions/end-subscription";

export const DELETE = apiRoute(
  { permission: "subscription:manage-own", params: ["id"], summary: "Unsubscribe from one of your own subscriptions", response: ZSubscriptionEnded },
  async (_request, { actor, params }) => responseBody(ZSubscriptionEnded, withIsoDates(await endSubscription(actor, ZSubscriptionId.parse({ id: params.id })))),
);

export const { GET, POST, PUT, PATCH, OPTIONS } = refuseOtherMethods(["DELETE"]);
