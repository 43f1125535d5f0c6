import "server-only";
import { HTTP_STATUS_BY_CODE, toAppError } from "../errors";

/** Anything a route threw, as application/problem+json (RFC 9457): the one error mapping of the HTTP transport. */
export function problemResponse(error: unknown): Response {
  const appError = toAppError(error);
  const status = HTTP_STATUS_BY_CODE[appError.code];
  const headers: Record<string, string> = { "content-type": "application/problem+json" };
  if (appError.code === "UNAUTHENTICATED") headers["www-authenticate"] = 'Bearer realm="pactwatch"';
  if (typeof appError.details.retryAfterSeconds === "number") headers["retry-after"] = String(appError.details.retryAfterSeconds);
  return new Response(
    JSON.stringify({
      type: `https://pactwatch.invalid/problems/${appError.code.toLowerCase().replaceAll("_", "-")}`,
      title: appError.code,
      status,
      detail: appError.message,
      ...(Object.keys(appError.fieldErrors).length ? { errors: appError.fieldErrors } : {}),
      ...appError.details,
    }),
    { status, headers },
  );
}
