// GET /api/v1/admin/sources/{id}: one source with every stored field, its merges, whether the merge can be undone and the entries citing it.
import { ZAdminSourceResponse } from "@/lib/schemas/admin-source-api";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { responseBody, withIsoDates } from "@/lib/server/api/response-body";
import { getSourceForAdmin } from "@/lib/server/sources/get-source-for-admin";

export const GET = apiRoute(
  { permission: "source:edit", params: ["id"], summary: "Get one source as the admin's page shows it, merged and retired ones included", response: ZAdminSourceResponse },
  async (_request, { actor, params }) => {
    const source = await getSourceForAdmin(actor, params.id);
    const data = withIsoDates({ ...source, links: { page: `/sources/${source.id}`, adminPage: `/admin/sources/${source.id}` } });
    return responseBody(ZAdminSourceResponse, { data });
  },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET"]);
