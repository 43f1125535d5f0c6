// POST /api/v1/status-changes/{id}/corroboration: accept or override a published development's corroboration level; send {"version": n, "level": "CORROBORATED", "reason": "…"} (level null clears it).
import { ZJudgeCorroboration } from "@/lib/schemas/status-change";
import { ZDevelopmentWrittenBody } from "@/lib/schemas/responses/write-responses";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { judgeCorroboration } from "@/lib/server/status-changes/judge-corroboration";

export const POST = apiRoute(
  { permission: "status-change:edit", summary: "Accept or override a published development's corroboration level, with the reason readers see", response: ZDevelopmentWrittenBody, params: ["id"], schema: ZJudgeCorroboration, complete: (body, { params }) => ({ ...body, id: params.id }) },
  async (_request, { actor, body }) => judgeCorroboration(actor, body),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["POST"]);
