// GET /api/v1/status-changes/{id}: one published or retracted development with its citations (drafts are 404 here).
import { ZDevelopmentBody } from "@/lib/schemas/responses/development-responses";
import { apiRoute } from "@/lib/server/api";
import { developmentJson } from "@/lib/server/exports/export-developments";
import { getPublishedChange } from "@/lib/server/status-changes/get-published-change";

export const GET = apiRoute(
  {
    permission: "published:read",
    summary: "Get one published or retracted development with its citations",
    response: ZDevelopmentBody,
    params: ["id"],
  },
  async (_request, { actor, params }) => ({ data: developmentJson(await getPublishedChange(actor, params.id)) }),
);
