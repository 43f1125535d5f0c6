// PUT /api/v1/users/{id}/role: set an account's role; send {"role"} (409 for the last active admin).
import { ZChangeUserRole } from "@/lib/schemas/admin-user";
import { ZUserRoleBody, ZUserState } from "@/lib/schemas/admin-user-api";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { responseBody, withIsoDates } from "@/lib/server/api/response-body";
import { getUserForAdmin } from "@/lib/server/users/get-user-for-admin";
import { setUserRole } from "@/lib/server/users/set-user-role";

export const PUT = apiRoute(
  { permission: "user:manage", params: ["id"], schema: ZUserRoleBody, summary: "Change an account's role (reader, analyst or admin)", response: ZUserState },
  async (_request, { actor, params, body }) => {
    // The use case (shared with the page's form) names the account by its email.
    const { email } = await getUserForAdmin(actor, params.id);
    return responseBody(ZUserState, withIsoDates(await setUserRole(actor, ZChangeUserRole.parse({ email, role: body.role }))));
  },
);

export const { GET, POST, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["PUT"]);
