// POST /api/v1/users/{id}/reset-password: set a new password ({"password"}) or have one generated ({}); every session of the account ends.
import { ZResetUserPassword } from "@/lib/schemas/admin-user";
import { ZUserPasswordReset } from "@/lib/schemas/admin-user-api";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { responseBody } from "@/lib/server/api/response-body";
import { resetUserPassword } from "@/lib/server/users/reset-user-password";

export const POST = apiRoute(
  {
    permission: "user:manage",
    params: ["id"],
    schema: ZResetUserPassword,
    complete: (body, { params }) => ({ ...body, userId: params.id }),
    summary: "Reset an account's password; leave it out to have a temporary one generated and answered once",
    response: ZUserPasswordReset,
    answersSecret: true,
  },
  async (_request, { actor, body }) => responseBody(ZUserPasswordReset, await resetUserPassword(actor, body)),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["POST"]);
