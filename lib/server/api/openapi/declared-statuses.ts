import { Role } from "../../../generated/prisma/enums";
import { rolesWith } from "../../permissions";
import type { TApiRouteDeclaration, TRoutePermission } from "../api-route";

type TDeclaration = Pick<TApiRouteDeclaration<TRoutePermission, string, unknown, unknown>, "permission" | "params" | "schema" | "query" | "answersSecret">;

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** What each error status means in this API, for the document's responses. */
export const ERROR_STATUS_DESCRIPTIONS: Record<number, string> = {
  400: "The body is not JSON, or not a JSON object.",
  401: "No valid credentials: send an API token (Authorization: Bearer pw_…) or sign in.",
  403: "Your role does not allow this (or the record's own rule refuses you: approving your own submission for review), or a write signed in with the session cookie came from another site's page.",
  404: "No such record.",
  409: "The record changed since the version (or If-Match ETag) you sent: the problem's details carry the current version; read it again and reapply. For a create: a request with this Idempotency-Key is still running (retry after Retry-After).",
  413: "The body is larger than this endpoint accepts.",
  415: "The body is not sent as application/json.",
  422: "Some fields (or query parameters) are invalid: `errors` gives each one's messages. For a create: its Idempotency-Key was already used for another request.",
  429: "Too many requests: wait for Retry-After seconds.",
  503: "The database does not answer: nothing was saved; try again after Retry-After seconds.",
};

/**
 * The error statuses an endpoint can answer, read from its declaration: a body can be malformed,
 * too large, of the wrong type or invalid; a query invalid; a path names a record that may not
 * exist; a caller may be anonymous or lack the role; an edit (a body with "version") may be
 * stale, and a create's Idempotency-Key reused; writes are rate limited; anything reading the database can find it away. The contract
 * tests provoke each of them on each endpoint and hold the answer to the problem schema.
 */
export function declaredErrorStatuses(declaration: TDeclaration, method: string, bodyProperties: readonly string[] = []): number[] {
  const statuses = new Set<number>();
  if (declaration.schema) for (const status of [400, 413, 415, 422]) statuses.add(status);
  if (declaration.query) statuses.add(422);
  if (declaration.params?.length) statuses.add(404);
  if (declaration.permission !== "public") {
    statuses.add(401);
    // 403 only where some signed-in role lacks the permission (every role may read).
    if (rolesWith(declaration.permission).length < Object.values(Role).length) statuses.add(403);
    statuses.add(503);
  }
  if (bodyProperties.includes("version")) statuses.add(409);
  // An Idempotency-Key still held by a running request (409), or reused for another one (422): idempotency.ts.
  if (method === "POST" && declaration.permission !== "public" && !declaration.answersSecret) for (const status of [409, 422]) statuses.add(status);
  if (MUTATING.has(method)) statuses.add(429);
  return [...statuses].sort((a, b) => a - b);
}
