// GET /api/v1/subscriptions: the caller's own subscriptions. POST: start one; a webhook's key and a feed's secret are answered once (201).
import { ZCreateSubscription } from "@/lib/schemas/subscription";
import { ZSubscriptionCreated, ZSubscriptionListResponse } from "@/lib/schemas/subscription-api";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { responseBody, withIsoDates } from "@/lib/server/api/response-body";
import { createSubscription } from "@/lib/server/subscriptions/create-subscription";
import { listSubscriptions } from "@/lib/server/subscriptions/list-subscriptions";

export const GET = apiRoute(
  { permission: "subscription:manage-own", summary: "List your own subscriptions (ended ones included), live ones first", response: ZSubscriptionListResponse },
  async (_request, { actor }) => responseBody(ZSubscriptionListResponse, { data: withIsoDates(await listSubscriptions(actor)) }),
);

export const POST = apiRoute(
  { permission: "subscription:manage-own", schema: ZCreateSubscription, summary: "Subscribe to developments of an agreement, measure, party or relation", response: ZSubscriptionCreated, successStatus: 201, answersSecret: true },
  async (_request, { actor, body }) => Response.json(responseBody(ZSubscriptionCreated, withIsoDates(await createSubscription(actor, body))), { status: 201 }),
);

export const { PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET", "POST"]);
