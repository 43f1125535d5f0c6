// GET /api/v1/openapi.json: the API's OpenAPI 3.1 document, generated from the route declarations (decision 021).
import { ZOpenApiDocumentBody } from "@/lib/schemas/responses/service-responses";
import { apiRoute, refuseOtherMethods } from "@/lib/server/api";
import { buildOpenApiDocument } from "@/lib/server/api/openapi/build-openapi-document";
import { requestOrigin } from "@/lib/server/request-origin";
import { loadApiV1Routes } from "../route-registry";

export const dynamic = "force-dynamic";

// "public": the document describes the API, not the record, so it is readable whatever PUBLIC_READ says.
export const GET = apiRoute({ permission: "public", summary: "Get this OpenAPI document", response: ZOpenApiDocumentBody }, async (request) =>
  buildOpenApiDocument(await loadApiV1Routes(), { serverUrl: requestOrigin(request), version: "1" }),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET"]);
