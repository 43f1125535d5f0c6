// POST /api/v1/sources/{id}/restore: bring a retired source back; send {"version"}.
import { ZRestoreSource } from "@/lib/schemas/admin-source";
import { ZSourceWriteResult } from "@/lib/schemas/admin-source-api";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { responseBody } from "@/lib/server/api/response-body";
import { restoreSource } from "@/lib/server/sources/restore-source";

export const POST = apiRoute(
  {
    permission: "source:retire",
    params: ["id"],
    schema: ZRestoreSource,
    complete: (body, { params }) => ({ ...body, id: params.id }),
    summary: "Restore a retired source so it can be cited again",
    response: ZSourceWriteResult,
  },
  async (_request, { actor, body }) => responseBody(ZSourceWriteResult, await restoreSource(actor, body)),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["POST"]);
