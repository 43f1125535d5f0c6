// POST /api/v1/sources/{id}/grade: set a source's Admiralty reliability grade with the reason; send {"version", "reliability", "reliabilityNote"}.
import { ZGradeSource } from "@/lib/schemas/admin-source";
import { ZSourceWriteResult } from "@/lib/schemas/admin-source-api";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { responseBody } from "@/lib/server/api/response-body";
import { gradeSource } from "@/lib/server/sources/grade-source";

export const POST = apiRoute(
  {
    permission: "source:grade",
    params: ["id"],
    schema: ZGradeSource,
    complete: (body, { params }) => ({ ...body, id: params.id }),
    summary: "Grade a source's reliability (A–F) with a note saying why",
    response: ZSourceWriteResult,
  },
  async (_request, { actor, body }) => responseBody(ZSourceWriteResult, await gradeSource(actor, body)),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["POST"]);
