// POST /api/v1/sources/{id}/merge: merge this duplicate into another source; send {"targetId", "sourceVersion", "targetVersion"} (409 when either changed since).
import { ZMergeSources } from "@/lib/schemas/admin-source";
import { ZSourceMergeResult } from "@/lib/schemas/admin-source-api";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { responseBody } from "@/lib/server/api/response-body";
import { mergeSources } from "@/lib/server/sources/merge-sources";

export const POST = apiRoute(
  {
    permission: "source:merge",
    params: ["id"],
    schema: ZMergeSources,
    complete: (body, { params }) => ({ ...body, sourceId: params.id }),
    summary: "Merge a duplicate source into the one to keep: its citations move there and it becomes a redirect",
    response: ZSourceMergeResult,
  },
  async (_request, { actor, body }) => responseBody(ZSourceMergeResult, await mergeSources(actor, body)),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["POST"]);
