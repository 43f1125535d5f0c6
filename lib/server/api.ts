import "server-only";
import { authenticateApiToken } from "./api-tokens/authenticate-api-token";
import { runAsActor } from "./auth/actor-context";
import { AppError, HTTP_STATUS_BY_CODE, toAppError } from "./errors";
import type { TActor } from "./permissions";
import { getCurrentActor } from "./session";

type TRouteContext<TParams> = { params: Promise<TParams> };
type THandler<TParams> = (request: Request, context: { params: TParams; actor: TActor }) => Promise<Response | object>;

/** An AppError as application/problem+json (RFC 9457). */
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

/**
 * The one wrapper of /api/v1 route handlers: authenticates a bearer token (else the session
 * cookie), runs the handler as that actor, returns plain objects as JSON and errors as problems.
 */
export function apiRoute<TParams = Record<string, never>>(handler: THandler<TParams>) {
  return async (request: Request, context: TRouteContext<TParams>): Promise<Response> => {
    try {
      const authorization = request.headers.get("authorization");
      const actor = authorization ? await authenticateApiToken(authorization) : await getCurrentActor();
      const params = await context.params;
      const result = await runAsActor(actor, () => handler(request, { params, actor }));
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      return problemResponse(error);
    }
  };
}

/** Reads a JSON request body, refusing anything else with a clear problem. */
export async function readJsonBody(request: Request, maxBytes = 1_000_000): Promise<unknown> {
  if (!request.headers.get("content-type")?.includes("application/json")) {
    throw new AppError("INVALID_INPUT", "Send the body as JSON with Content-Type: application/json.");
  }
  const text = await request.text();
  if (text.length > maxBytes) throw new AppError("INVALID_INPUT", `The body is larger than ${maxBytes} bytes.`);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("INVALID_INPUT", "The body is not valid JSON.");
  }
}
