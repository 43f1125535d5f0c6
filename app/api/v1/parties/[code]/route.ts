// PATCH /api/v1/parties/{code}: edit a party's name and aliases; send "version" (409 when it changed since).
import { ZUpdateParty } from "@/lib/schemas/party";
import { ZPartyWrittenBody } from "@/lib/schemas/responses/write-responses";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { getPartyForEdit } from "@/lib/server/parties/get-party-for-edit";
import { updateParty } from "@/lib/server/parties/update-party";

// GET of the same path is the read API's handler, kept beside this file; If-Match is checked against its ETag.
import { GET } from "./get";

export { GET };

export const PATCH = apiRoute(
  {
    summary: "Edit a party's name and aliases (send its version, or If-Match with the ETag of its GET)",
    permission: "party:write",
    response: ZPartyWrittenBody,
    params: ["code"],
    schema: ZUpdateParty,
    readRoute: GET,
    // Fields left out keep their current values, as the edit form would show them; with If-Match
    // the version is the current one, read before its ETag is compared (if-match.ts).
    complete: async (body, { actor, params, hasIfMatch }) => {
      const current = await getPartyForEdit(actor, params.code);
      return { ...current.values, ...(hasIfMatch ? { version: current.version } : {}), ...body };
    },
  },
  // Codes are stored in capitals, so /parties/kor edits KOR (as getPartyForEdit found it).
  async (_request, { actor, params, body }) => updateParty(actor, params.code.toUpperCase(), body),
);

export const { POST, PUT, DELETE, OPTIONS } = refuseOtherMethods(["GET", "PATCH"]);
