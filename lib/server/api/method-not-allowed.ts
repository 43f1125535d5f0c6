import "server-only";
import { AppError } from "../errors";
import { problemResponse } from "./problem-response";

// Next.js answers a method a route file does not export with an empty 405 and no Allow header.
// Each route file under app/api/v1 exports these for the methods it lacks, so a client gets a
// problem document that says which methods the path takes. They are not routes of their own:
// `refusesMethod` keeps them out of the authorisation matrix and the OpenAPI document.

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type THttpMethod = (typeof HTTP_METHODS)[number];

export type TMethodNotAllowedHandler = ((request: Request) => Promise<Response>) & { refusesMethod: true; allow: string };

/**
 * Handlers answering 405 problem+json with Allow, for every method but `allowed`, and OPTIONS
 * answering 204 with the same Allow (Next.js's own would list every exported method, these too).
 * No Access-Control-* headers: the API takes no cross-origin browser calls.
 */
export function refuseOtherMethods(allowed: readonly THttpMethod[]): Record<THttpMethod | "OPTIONS", TMethodNotAllowedHandler> {
  const allow = [...allowed.flatMap((method) => (method === "GET" ? ["GET", "HEAD"] : [method])), "OPTIONS"].join(", ");
  const handler = Object.assign(
    async (request: Request) =>
      problemResponse(new AppError("METHOD_NOT_ALLOWED", `${request.method} is not allowed here: this path takes ${allow}.`, {}, { allow }), request),
    { refusesMethod: true as const, allow },
  );
  const options = Object.assign(async () => new Response(null, { status: 204, headers: { allow } }), { refusesMethod: true as const, allow });
  return { ...(Object.fromEntries(HTTP_METHODS.map((method) => [method, handler])) as Record<THttpMethod, TMethodNotAllowedHandler>), OPTIONS: options };
}
