// POST /api/v1/relations/{A-B}/mirror/dismissals: dismiss a proposed pair for good, with a reason; send {"firstSlug", "secondSlug", "reason"}.
import { ZDismissMirrorPair } from "@/lib/schemas/mirror-pair";
import { ZPartyPair } from "@/lib/schemas/reader-queries";
import { ZMirrorDismissedBody } from "@/lib/schemas/responses/mirror-responses";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { dismissMirrorPair } from "@/lib/server/relations/dismiss-mirror-pair";

export const POST = apiRoute(
  { permission: "link:write", summary: "Dismiss a pair the mirror view proposed, with the reason; it is never proposed again", response: ZMirrorDismissedBody, params: ["pair"], schema: ZDismissMirrorPair },
  async (_request, { actor, params, body }) => dismissMirrorPair(actor, ZPartyPair.parse(params.pair), body),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["POST"]);
