// POST /unsubscribe/{id}/one-click?token=…: the one-click unsubscribe of a mail (RFC 8058), signed out; the token signs this subscription alone.
import { z } from "zod";
import { ZSubscriptionEnded } from "@/lib/schemas/subscription-api";
import { ZSubscriptionId } from "@/lib/schemas/subscription";
import { text } from "@/lib/schemas/text";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { responseBody, withIsoDates } from "@/lib/server/api/response-body";
import { requestOrigin } from "@/lib/server/request-origin";
import { unsubscribeByLink } from "@/lib/server/subscriptions/unsubscribe-by-link";

const ZUnsubscribeQuery = z.object({ token: text({ error: "The link's token is missing" }).min(1, "The link's token is missing").max(200, "Not a token of ours") });

export const POST = apiRoute(
  { permission: "public", params: ["id"], query: ZUnsubscribeQuery, summary: "Unsubscribe with the signed link of a message (no sign-in)", response: ZSubscriptionEnded },
  async (request, { params, query }) => {
    const ended = await unsubscribeByLink(ZSubscriptionId.parse({ id: params.id }).id, query.token);
    // The unsubscribe page's form (a person) is sent back to it; a mail client's one-click POST gets JSON.
    if (new URL(request.url).searchParams.get("from") === "page") {
      return Response.redirect(`${requestOrigin(request)}/unsubscribe/${ended.id}?done=1`, 303);
    }
    return responseBody(ZSubscriptionEnded, withIsoDates(ended));
  },
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["POST"]);
