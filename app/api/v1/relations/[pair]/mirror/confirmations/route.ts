// POST /api/v1/relations/{A-B}/mirror/confirmations: confirm a proposed pair as a RETALIATION_FOR link from the answer; send {"originalSlug", "answerSlug", "version" (the answer's), "note"}.
import { ZConfirmMirrorPair } from "@/lib/schemas/mirror-pair";
import { ZPartyPair } from "@/lib/schemas/reader-queries";
import { ZSubjectWrittenBody } from "@/lib/schemas/responses/write-responses";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { confirmMirrorPair } from "@/lib/server/relations/confirm-mirror-pair";

export const POST = apiRoute(
  { permission: "link:write", summary: "Confirm a pair the mirror view proposed: the answer gets a RETALIATION_FOR link to the original", response: ZSubjectWrittenBody, params: ["pair"], schema: ZConfirmMirrorPair },
  async (_request, { actor, params, body }) => confirmMirrorPair(actor, ZPartyPair.parse(params.pair), body),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["POST"]);
