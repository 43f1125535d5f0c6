// GET /api/v1/users/{id}: one account (admins). PATCH: edit its name and email; send "version" (409 when it changed since).
import { ZUpdateUser } from "@/lib/schemas/admin-user";
import { ZUserDetailResponse, ZUserState } from "@/lib/schemas/admin-user-api";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { responseBody, withIsoDates } from "@/lib/server/api/response-body";
import { getUserForAdmin } from "@/lib/server/users/get-user-for-admin";
import { updateUser } from "@/lib/server/users/update-user";

export const GET = apiRoute(
  { permission: "user:manage", params: ["id"], summary: "Get one account: its role, state, last sign-in and active token count", response: ZUserDetailResponse },
  async (_request, { actor, params }) => {
    const user = await getUserForAdmin(actor, params.id);
    return responseBody(ZUserDetailResponse, { data: withIsoDates({ ...user, links: { page: `/admin/users/${user.id}` } }) });
  },
);

export const PATCH = apiRoute(
  {
    permission: "user:manage",
    params: ["id"],
    schema: ZUpdateUser,
    complete: async (body, { actor, params }) => {
      const { name, email } = await getUserForAdmin(actor, params.id);
      return { name, email, ...body, userId: params.id };
    },
    summary: "Edit an account's name or email (send the version you read)",
    response: ZUserState,
  },
  async (_request, { actor, body }) => responseBody(ZUserState, withIsoDates(await updateUser(actor, body))),
);

export const { POST, PUT, DELETE, OPTIONS } = refuseOtherMethods(["GET", "PATCH"]);
