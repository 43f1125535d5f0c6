// DELETE /api/v1/api-tokens/{id}: revoke one of the caller's own tokens; it stops working at once (revoking twice answers the first revocation).
import { ZApiTokenRevoked } from "@/lib/schemas/api-token-api";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { responseBody, withIsoDates } from "@/lib/server/api/response-body";
import { revokeApiToken, ZRevokeApiToken } from "@/lib/server/api-tokens/revoke-api-token";

export const DELETE = apiRoute(
  { permission: "api-token:manage-own", params: ["id"], summary: "Revoke one of your own API tokens", response: ZApiTokenRevoked },
  async (_request, { actor, params }) => responseBody(ZApiTokenRevoked, withIsoDates(await revokeApiToken(actor, ZRevokeApiToken.parse({ tokenId: params.id })))),
);

export const { GET, POST, PUT, PATCH, OPTIONS } = refuseOtherMethods(["DELETE"]);
