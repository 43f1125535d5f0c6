// POST /api/v1/status-changes/{id}/errata: mark a citation of a published development "the source erred: …"; send {"version": n, "sourceId": "…", "erratum": "…"}.
import { ZMarkSourceErratum } from "@/lib/schemas/status-change";
import { ZDevelopmentWrittenBody } from "@/lib/schemas/responses/write-responses";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { markSourceErratum } from "@/lib/server/status-changes/mark-source-erratum";

export const POST = apiRoute(
  {
    permission: "status-change:edit",
    summary: "Mark a citation of a published development with what the source itself got wrong (a new version, listed in the corrections log)",
    response: ZDevelopmentWrittenBody,
    params: ["id"],
    schema: ZMarkSourceErratum,
    complete: (body, { params }) => ({ ...body, id: params.id }),
  },
  async (_request, { actor, body }) => markSourceErratum(actor, body),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["POST"]);
