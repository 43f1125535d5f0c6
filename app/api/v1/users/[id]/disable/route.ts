// POST /api/v1/users/{id}/disable: disable an account: it can no longer sign in, and its sessions and tokens stop working (409 for the last active admin); no body.
import { ZUserRef } from "@/lib/schemas/admin-user";
import { ZUserState } from "@/lib/schemas/admin-user-api";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { responseBody, withIsoDates } from "@/lib/server/api/response-body";
import { disableUser } from "@/lib/server/users/disable-user";

export const POST = apiRoute(
  { permission: "user:manage", params: ["id"], summary: "Disable an account: it can no longer sign in, and its sessions and tokens stop working (409 for the last active admin)", response: ZUserState },
  async (_request, { actor, params }) => responseBody(ZUserState, withIsoDates(await disableUser(actor, ZUserRef.parse({ userId: params.id })))),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["POST"]);
