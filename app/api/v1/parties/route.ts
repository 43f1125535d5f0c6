// POST /api/v1/parties: create a party (a state by ISO 3166-1 alpha-3 code, or an organisation).
import { ZParty } from "@/lib/schemas/party";
import { ZPartyWrittenBody } from "@/lib/schemas/responses/write-responses";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { createParty } from "@/lib/server/parties/create-party";

// GET of the same path is the read API's handler, kept beside this file.
export { GET } from "./get";

export const POST = apiRoute(
  { permission: "party:write", schema: ZParty, summary: "Create a party", response: ZPartyWrittenBody, successStatus: 201 },
  async (_request, { actor, body }) => createParty(actor, body),
);

export const { PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET", "POST"]);
