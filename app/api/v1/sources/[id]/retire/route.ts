// POST /api/v1/sources/{id}/retire: retire a source (it can no longer be cited); send {"version", "reason"}.
import { ZRetireSource } from "@/lib/schemas/admin-source";
import { ZSourceWriteResult } from "@/lib/schemas/admin-source-api";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { responseBody, withIsoDates } from "@/lib/server/api/response-body";
import { retireSource } from "@/lib/server/sources/retire-source";

export const POST = apiRoute(
  {
    permission: "source:retire",
    params: ["id"],
    schema: ZRetireSource,
    complete: (body, { params }) => ({ ...body, id: params.id }),
    summary: "Retire a source with the reason (its citations stay; new ones are refused)",
    response: ZSourceWriteResult,
  },
  async (_request, { actor, body }) => responseBody(ZSourceWriteResult, withIsoDates(await retireSource(actor, body))),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["POST"]);
