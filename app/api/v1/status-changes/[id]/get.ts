// GET /api/v1/status-changes/{id}?asOf&axis: one published or retracted development with its citations (drafts are 404 here);
// as of an instant, the version that stood then (404 when none did).
import { ZAsOfQuery } from "@/lib/schemas/as-of";
import { ZDevelopmentBody } from "@/lib/schemas/responses/development-responses";
import { apiRoute } from "@/lib/server/api";
import { developmentJson } from "@/lib/server/exports/export-developments";
import { getPublishedChange } from "@/lib/server/status-changes/get-published-change";
import { asOfJson } from "../../read-helpers";

export const GET = apiRoute(
  {
    permission: "published:read",
    summary: "Get one published or retracted development with its citations; as of an instant (asOf, axis), the version that stood then",
    response: ZDevelopmentBody,
    params: ["id"],
    query: ZAsOfQuery,
  },
  async (_request, { actor, params, query }) => {
    const entry = await getPublishedChange(actor, params.id, new Date(), query);
    return { data: developmentJson(entry), asOf: asOfJson(entry.asOf) };
  },
);
