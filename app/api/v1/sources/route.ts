// POST /api/v1/sources: register a source by its link; an existing source with the same canonical link is returned instead (200).
import type { z } from "zod";
import { ZSourceFromUrl } from "@/lib/schemas/source";
import { ZSourceSummaryBody } from "@/lib/schemas/responses/source-responses";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { findOrCreateSourceByUrl } from "@/lib/server/sources/find-or-create-source-by-url";

// GET of the same path is the read API's handler, kept beside this file.
export { GET } from "./get";

export const POST = apiRoute(
  { permission: "source:create", schema: ZSourceFromUrl, summary: "Register a source by its link (201), or find the one already registered (200)", response: ZSourceSummaryBody, successStatus: 201, otherSuccessStatuses: [200] },
  async (_request, { actor, body }) => {
    const { source, isNew } = await findOrCreateSourceByUrl(actor, body);
    // Named field by field: the use case's row may carry more than the documented summary.
    const json: z.input<typeof ZSourceSummaryBody> = {
      id: source.id,
      url: source.url,
      title: source.title,
      publisher: source.publisher,
      kind: source.kind as z.input<typeof ZSourceSummaryBody>["kind"],
      reliability: source.reliability as z.input<typeof ZSourceSummaryBody>["reliability"],
      publishedAt: source.publishedAt?.toISOString() ?? null,
      retiredAt: source.retiredAt?.toISOString() ?? null,
      retiredReason: source.retiredReason,
      mergedIntoId: source.mergedIntoId,
    };
    return Response.json(json, { status: isNew ? 201 : 200 });
  },
);

export const { PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET", "POST"]);
