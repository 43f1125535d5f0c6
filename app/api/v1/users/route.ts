// GET /api/v1/users?q&role&status&cursor&limit: accounts by name, keyset-paged (admins).
// POST /api/v1/users: create an account; without a password one is generated and answered once (201).
import { ZAdminCreateUser } from "@/lib/schemas/admin-user";
import { ZUserCreated, ZUserListQuery, ZUserListResponse } from "@/lib/schemas/admin-user-api";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { responseBody, withIsoDates } from "@/lib/server/api/response-body";
import { createUserByAdmin } from "@/lib/server/users/create-user-by-admin";
import { listUsers } from "@/lib/server/users/list-users";
import { listResponse } from "../read-helpers";

export const GET = apiRoute(
  { permission: "user:manage", query: ZUserListQuery, summary: "List accounts with the admin page's filters (search, role, status), by name, a page at a time", response: ZUserListResponse },
  async (request, { actor, query }) => {
    const { cursor, limit, ...filters } = query;
    const page = await listUsers(actor, filters, { cursor, limit });
    const data = page.users.map((user) => withIsoDates({ ...user, links: { self: `/api/v1/users/${user.id}`, page: `/admin/users/${user.id}` } }));
    return responseBody(ZUserListResponse, listResponse(request, data, page.nextCursor, { total: page.total }));
  },
);

export const POST = apiRoute(
  {
    permission: "user:manage",
    schema: ZAdminCreateUser,
    summary: "Create an account; leave the password out to have a temporary one generated and answered once",
    response: ZUserCreated,
    successStatus: 201,
    answersSecret: true,
  },
  async (_request, { actor, body }) => Response.json(responseBody(ZUserCreated, withIsoDates(await createUserByAdmin(actor, body))), { status: 201 }),
);

export const { PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET", "POST"]);
