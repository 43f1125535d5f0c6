// POST /api/v1/sources: register a source by its link; an existing source with the same canonical link is returned instead (200).
import type { z } from "zod";
import { ZSourceFromUrl } from "@/lib/schemas/source";
import { ZSourceSummaryBody } from "@/lib/schemas/responses/source-responses";
import { apiRoute } from "@/lib/server/api";
import { findOrCreateSourceByUrl } from "@/lib/server/sources/find-or-create-source-by-url";

// GET of the same path is the read API's handler, kept beside this file.
export { GET } from "./get";

export const POST = apiRoute(
  { permission: "source:create", schema: ZSourceFromUrl, summary: "Register a source by its link (201), or find the one already registered (200)", response: ZSourceSummaryBody, successStatus: 201, otherSuccessStatuses: [200] },
  async (_request, { actor, body }) => {
    const { source, isNew } = await findOrCreateSourceByUrl(actor, body);
    const json = {
      ...source,
      kind: source.kind as z.input<typeof ZSourceSummaryBody>["kind"],
      reliability: source.reliability as z.input<typeof ZSourceSummaryBody>["reliability"],
      publishedAt: source.publishedAt?.toISOString() ?? null,
      retiredAt: source.retiredAt?.toISOString() ?? null,
    } satisfies z.input<typeof ZSourceSummaryBody>;
    return Response.json(json, { status: isNew ? 201 : 200 });
  },
);
