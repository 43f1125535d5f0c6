// GET /api/v1/api-tokens: the caller's own tokens, newest first, without secrets. POST: create one; its secret is answered once (201).
import { ZApiTokenCreated, ZApiTokenListResponse } from "@/lib/schemas/api-token-api";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { responseBody, withIsoDates } from "@/lib/server/api/response-body";
import { createApiToken, ZCreateApiToken } from "@/lib/server/api-tokens/create-api-token";
import { listApiTokens } from "@/lib/server/api-tokens/list-api-tokens";

export const GET = apiRoute(
  { permission: "api-token:manage-own", summary: "List your own API tokens (revoked ones included), newest first, without their secrets", response: ZApiTokenListResponse },
  async (_request, { actor }) => responseBody(ZApiTokenListResponse, { data: withIsoDates(await listApiTokens(actor)) }),
);

export const POST = apiRoute(
  { permission: "api-token:manage-own", schema: ZCreateApiToken, summary: "Create an API token for your own account; the secret is answered this once", response: ZApiTokenCreated, successStatus: 201, answersSecret: true },
  async (_request, { actor, body }) => Response.json(responseBody(ZApiTokenCreated, withIsoDates(await createApiToken(actor, body))), { status: 201 }),
);

export const { PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET", "POST"]);
