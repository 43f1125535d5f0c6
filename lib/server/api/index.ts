// The HTTP transport: route handlers are made with apiRoute (docs/decisions/010-transport-wrappers.md).
export { apiRoute, type TApiRouteContext, type TApiRouteDeclaration, type TDeclaredRoute, type TRoutePermission } from "./api-route";
export { problemResponse } from "./problem-response";
export { DEFAULT_MAX_BODY_BYTES, readJsonBody, readJsonObject } from "./read-json-body";
export { refuseOtherMethods } from "./method-not-allowed";
