// PATCH /api/v1/positions/{id}: correct what a position says; send "version" and the fields to change (409 when it was edited or superseded since).
import { ZEditPosition } from "@/lib/schemas/party-position";
import { ZPositionWrittenBody } from "@/lib/schemas/party-position-api";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { editPosition } from "@/lib/server/positions/edit-position";
import { getPositionForDesk } from "@/lib/server/positions/get-position-for-desk";
import { toPositionFormValues } from "@/lib/server/positions/position-record";

export const PATCH = apiRoute(
  {
    summary: "Correct a party position's words, translation, speaker, date or source (send its version)",
    permission: "position:write",
    response: ZPositionWrittenBody,
    params: ["id"],
    schema: ZEditPosition,
    // Fields left out keep their current values, as the edit form would show them.
    complete: async (body, { actor, params }) => ({ ...toPositionFormValues(await getPositionForDesk(actor, params.id)), ...(body as object), id: params.id }),
  },
  async (_request, { actor, body }) => editPosition(actor, body),
);

export const { GET, POST, PUT, DELETE, OPTIONS } = refuseOtherMethods(["PATCH"]);
