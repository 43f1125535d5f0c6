// POST /api/v1/sources: register a source by its link; an existing source with the same canonical link is returned instead (200).
import { ZSourceFromUrl } from "@/lib/schemas/source";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { findOrCreateSourceByUrl } from "@/lib/server/sources/find-or-create-source-by-url";

// GET of the same path is the read API's handler, kept beside this file.
export { GET } from "./get";

export const POST = apiRoute({ permission: "source:create", schema: ZSourceFromUrl }, async (_request, { actor, body }) => {
  const { source, isNew } = await findOrCreateSourceByUrl(actor, body);
  return Response.json(source, { status: isNew ? 201 : 200 });
});

export const { PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET", "POST"]);
