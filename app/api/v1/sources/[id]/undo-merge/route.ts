// POST /api/v1/sources/{id}/undo-merge: undo the merge of this duplicate while neither source changed since (409 otherwise); no body.
import { ZUndoSourceMerge } from "@/lib/schemas/admin-source";
import { ZSourceUndoMergeResult } from "@/lib/schemas/admin-source-api";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { responseBody } from "@/lib/server/api/response-body";
import { undoSourceMerge } from "@/lib/server/sources/undo-source-merge";

export const POST = apiRoute(
  {
    permission: "source:merge",
    params: ["id"],
    summary: "Undo a source merge: the moved citations go back and the duplicate is a source of its own again",
    response: ZSourceUndoMergeResult,
  },
  async (_request, { actor, params }) => responseBody(ZSourceUndoMergeResult, await undoSourceMerge(actor, ZUndoSourceMerge.parse({ sourceId: params.id }))),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["POST"]);
