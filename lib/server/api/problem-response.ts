import "server-only";
import { PROBLEM_TYPES, problemTypePath, type TProblemTypeName } from "../../domain/problem-types";
import { getAppEnv } from "../env";
import { HTTP_STATUS_BY_CODE, toAppError, type TAppErrorCode } from "../errors";
import { requestOrigin } from "../request-origin";

// Every error code is a problem type of its own: this fails to compile when one is missing.
const EVERY_CODE_HAS_A_TYPE: [Exclude<TAppErrorCode, TProblemTypeName>] extends [never] ? true : never = true;
void EVERY_CODE_HAS_A_TYPE;

function isProblemTypeName(value: unknown): value is TProblemTypeName {
  return typeof value === "string" && value in PROBLEM_TYPES;
}

/**
 * Anything a route threw, as application/problem+json (RFC 9457): the one error mapping of the
 * HTTP transport. `type` is an absolute URL of the app's own methodology page for the problem
 * (PUBLIC_URL, else the address the client asked for); `details.problemType` names a more
 * precise type than the code's (an idempotency key reused), `details.allow` becomes Allow and
 * `details.retryAfterSeconds` Retry-After.
 */
export function problemResponse(error: unknown, request?: Request): Response {
  const appError = toAppError(error);
  const status = HTTP_STATUS_BY_CODE[appError.code];
  const { problemType, allow, ...details } = appError.details;
  const typeName = isProblemTypeName(problemType) ? problemType : appError.code;
  const origin = request ? requestOrigin(request) : (getAppEnv().PUBLIC_URL?.replace(/\/$/, "") ?? "");
  const headers: Record<string, string> = { "content-type": "application/problem+json", "cache-control": "no-store" };
  if (appError.code === "UNAUTHENTICATED") headers["www-authenticate"] = 'Bearer realm="pactwatch"';
  if (typeof details.retryAfterSeconds === "number") headers["retry-after"] = String(Math.max(1, Math.ceil(details.retryAfterSeconds)));
  if (typeof allow === "string") headers.allow = allow;
  return new Response(
    JSON.stringify({
      type: `${origin}${problemTypePath(typeName)}`,
      title: PROBLEM_TYPES[typeName].title,
      status,
      detail: appError.message,
      code: appError.code,
      ...(Object.keys(appError.fieldErrors).length ? { errors: appError.fieldErrors } : {}),
      ...details,
    }),
    { status, headers },
  );
}
