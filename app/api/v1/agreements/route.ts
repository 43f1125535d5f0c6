// POST /api/v1/agreements: create an agreement (its slug is made from the short name or title).
import { ZAgreement } from "@/lib/schemas/agreement";
import { createAgreement } from "@/lib/server/agreements/create-agreement";
import { ZSubjectWrittenBody } from "@/lib/schemas/responses/write-responses";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";

// GET of the same path is the read API's handler, kept beside this file.
export { GET } from "./get";

export const POST = apiRoute(
  { permission: "agreement:write", schema: ZAgreement, summary: "Create an agreement", response: ZSubjectWrittenBody, successStatus: 201 },
  async (_request, { actor, body }) => createAgreement(actor, body),
);

export const { PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET", "POST"]);
