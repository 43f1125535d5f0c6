// POST /api/v1/users/{id}/enable: enable a disabled account again; no body.
import { ZUserRef } from "@/lib/schemas/admin-user";
import { ZUserState } from "@/lib/schemas/admin-user-api";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { responseBody, withIsoDates } from "@/lib/server/api/response-body";
import { enableUser } from "@/lib/server/users/enable-user";

export const POST = apiRoute(
  { permission: "user:manage", params: ["id"], summary: "Enable a disabled account again", response: ZUserState },
  async (_request, { actor, params }) => responseBody(ZUserState, withIsoDates(await enableUser(actor, ZUserRef.parse({ userId: params.id })))),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["POST"]);
