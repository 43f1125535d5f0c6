// POST /api/v1/agreements: create an agreement (its slug is made from the short name or title).
import { ZAgreement } from "@/lib/schemas/agreement";
import { createAgreement } from "@/lib/server/agreements/create-agreement";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";

// GET of the same path is the read API's handler, kept beside this file.
export { GET } from "./get";

export const POST = apiRoute({ permission: "agreement:write", schema: ZAgreement }, async (_request, { actor, body }) =>
  Response.json(await createAgreement(actor, body), { status: 201 }),
);

export const { PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET", "POST"]);
