// GET /api/v1/admin/sources?q&publisher&kind&grade&state&cited&cursor&limit: the admin's source registry (retired and merged included by filter), by title, keyset-paged.
import { ZAdminSourceListResponse, ZAdminSourceListQuery } from "@/lib/schemas/admin-source-api";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { responseBody, withIsoDates } from "@/lib/server/api/response-body";
import { AppError } from "@/lib/server/errors";
import { decodeAdminSourceCursor, listSourcesForAdmin } from "@/lib/server/sources/list-sources-for-admin";
import { listResponse } from "../../read-helpers";

export const GET = apiRoute(
  {
    permission: "source:edit",
    query: ZAdminSourceListQuery,
    summary: "List the source registry with the admin page's filters (search, publisher, kind, grade, state, cited), by title, a page at a time",
    response: ZAdminSourceListResponse,
  },
  async (request, { actor, query }) => {
    const { cursor, limit, ...filters } = query;
    // The page starts over on a cursor it cannot read; a script is told.
    if (cursor && !decodeAdminSourceCursor(cursor)) throw new AppError("INVALID_INPUT", "The page cursor is not valid for this list: start again from the first page.", { cursor: ["not a cursor of this list"] });
    const page = await listSourcesForAdmin(actor, { ...filters, after: cursor ?? "" }, { pageSize: limit });
    const data = page.sources.map((source) => withIsoDates({ ...source, links: { self: `/api/v1/admin/sources/${source.id}`, page: `/admin/sources/${source.id}` } }));
    return responseBody(ZAdminSourceListResponse, listResponse(request, data, page.nextCursor));
  },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET"]);
