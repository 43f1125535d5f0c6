// GET /api/v1/status-changes/{id}/revisions: every saved version of an entry, oldest first, with who saved it and what changed.
import { ZRevisionListResponse } from "@/lib/schemas/revision-api";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { responseBody, withIsoDates } from "@/lib/server/api/response-body";
import { listEntryRevisions } from "@/lib/server/revisions/list-entry-revisions";

export const GET = apiRoute(
  { permission: "draft:read", params: ["id"], summary: "List the saved versions of an entry (development), oldest first, each with what changed", response: ZRevisionListResponse },
  async (_request, { actor, params }) => responseBody(ZRevisionListResponse, { data: withIsoDates(await listEntryRevisions(actor, params.id)) }),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET"]);
