// GET /api/v1/positions/{id}?asOf&axis: one published position (as it stood, with asOf); PATCH: correct what it says, sending "version" and the fields to change (409 when it was edited or superseded since).
import { ZEditPosition } from "@/lib/schemas/party-position";
import { ZAsOfQuery } from "@/lib/schemas/as-of";
import { ZPositionBody, ZPositionWrittenBody } from "@/lib/schemas/party-position-api";
import { asOfFromQuery } from "@/lib/server/as-of-sql";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { editPosition } from "@/lib/server/positions/edit-position";
import { getPositionForDesk } from "@/lib/server/positions/get-position-for-desk";
import { getPosition } from "@/lib/server/positions/list-positions";
import { positionJson } from "@/lib/server/positions/position-json";
import { toPositionFormValues } from "@/lib/server/positions/position-record";
import { asOfJson } from "../../read-helpers";

export const GET = apiRoute(
  { permission: "published:read", summary: "Read one published party position; with asOf, as it stood then (404 if it did not)", response: ZPositionBody, params: ["id"], query: ZAsOfQuery },
  async (_request, { actor, params, query }) => {
    // A position has no zone of its own to read dates in: UTC, as the list (decision 036).
    const asOf = asOfFromQuery(query);
    const position = await getPosition(actor, params.id, asOf);
    return { data: { ...positionJson(position), supersededById: position.supersededById, asOf: asOfJson(asOf) } };
  },
);

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

export const { POST, PUT, DELETE, OPTIONS } = refuseOtherMethods(["GET", "PATCH"]);
