// POST /api/v1/measures: create a trade measure with its parties and links (its slug is made from the title).
import { ZTradeMeasure } from "@/lib/schemas/trade-measure";
import { ZSubjectWrittenBody } from "@/lib/schemas/responses/write-responses";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { createMeasure } from "@/lib/server/measures/create-measure";

// GET of the same path is the read API's handler, kept beside this file.
export { GET } from "./get";

export const POST = apiRoute(
  { permission: "measure:write", schema: ZTradeMeasure, summary: "Create a trade measure", response: ZSubjectWrittenBody, successStatus: 201 },
  async (_request, { actor, body }) => createMeasure(actor, body),
);

export const { PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET", "POST"]);
