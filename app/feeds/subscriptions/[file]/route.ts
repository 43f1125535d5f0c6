// GET /feeds/subscriptions/{secret}.atom: a personal subscription's feed; the secret in the address is the key (revoked by unsubscribing).
import { ZNotJsonBody } from "@/lib/schemas/responses/service-responses";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { AppError } from "@/lib/server/errors";
import { requestOrigin } from "@/lib/server/request-origin";
import { buildSubscriptionFeed } from "@/lib/server/subscriptions/subscription-feed";

export const GET = apiRoute({ permission: "public", params: ["file"], summary: "Follow one of your subscriptions as an Atom feed at its secret address", response: ZNotJsonBody }, async (request, { params }) => {
  const match = /^(pwf_[A-Za-z0-9_-]{20,100})\.atom$/.exec(params.file);
  if (!match) throw new AppError("NOT_FOUND", "No feed has this address: it was revoked, or never existed.");
  const xml = await buildSubscriptionFeed(match[1]!, requestOrigin(request));
  // Personal: no shared cache may keep it.
  return new Response(xml, { headers: { "content-type": "application/atom+xml; charset=utf-8", "cache-control": "private, no-store", "x-robots-tag": "noindex" } });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET"]);
