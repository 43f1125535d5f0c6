// PATCH /api/v1/sources/{id}: an admin's edit of a source's details; send "version" and the fields to change (409 when it changed since).
import { ZUpdateSource } from "@/lib/schemas/admin-source";
import { ZSourceWriteResult } from "@/lib/schemas/admin-source-api";
import { apiRoute } from "@/lib/server/api";
import { responseBody } from "@/lib/server/api/response-body";
import { getSourceForAdmin } from "@/lib/server/sources/get-source-for-admin";
import { sourceFormValues } from "@/lib/server/sources/source-form-values";
import { updateSource } from "@/lib/server/sources/update-source";

export const PATCH = apiRoute(
  {
    permission: "source:edit",
    params: ["id"],
    schema: ZUpdateSource,
    // Fields left out keep their current values, as the edit form shows them; the version must be sent.
    complete: async (body, { actor, params }) => ({ ...sourceFormValues(await getSourceForAdmin(actor, params.id)), ...body, id: params.id }),
    summary: "Edit a source's link, title, publisher, authors, dates, kind, language or archived copy (send the version you read)",
    response: ZSourceWriteResult,
  },
  async (_request, { actor, body }) => responseBody(ZSourceWriteResult, await updateSource(actor, body)),
);
