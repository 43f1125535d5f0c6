// PATCH /api/v1/parties/{code}: edit a party's name and aliases; send "version" (409 when it changed since).
import { ZUpdateParty } from "@/lib/schemas/party";
import { ZPartyWrittenBody } from "@/lib/schemas/responses/write-responses";
import { apiRoute } from "@/lib/server/api";
import { getPartyForEdit } from "@/lib/server/parties/get-party-for-edit";
import { updateParty } from "@/lib/server/parties/update-party";

// GET of the same path is the read API's handler, kept beside this file.
export { GET } from "./get";

export const PATCH = apiRoute(
  {
    permission: "party:write",
    summary: "Edit a party's name and aliases (send its version; 409 when it changed since)",
    response: ZPartyWrittenBody,
    params: ["code"],
    schema: ZUpdateParty,
    // Fields left out keep their current values, as the edit form would show them.
    complete: async (body, { actor, params }) => ({ ...(await getPartyForEdit(actor, params.code)).values, ...body }),
  },
  // Codes are stored in capitals, so /parties/kor edits KOR (as getPartyForEdit found it).
  async (_request, { actor, params, body }) => updateParty(actor, params.code.toUpperCase(), body),
);
