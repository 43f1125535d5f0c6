import { runAsActor } from "../../lib/server/auth/actor-context";
import type { TActor } from "../../lib/server/permissions";

// Calling the API's real route handlers as Next.js would: a Request and a params promise. The
// caller is a bearer token (`token`), a signed-in session (`session`: the actor the session
// cookie would resolve to) or nobody.

export const ORIGIN = "http://pactwatch.test";

export type TRouteHandler = (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;

export type TCall = {
  token?: string;
  session?: TActor;
  body?: unknown;
  /** Sent as is (a string or bytes), instead of `body` as JSON. */
  rawBody?: BodyInit;
  headers?: Record<string, string>;
  params?: Record<string, string | string[]>;
};

export function apiRequest(method: string, path: string, { token, body, rawBody, headers = {} }: TCall = {}): Request {
  const hasBody = body !== undefined || rawBody !== undefined;
  return new Request(`${ORIGIN}${path}`, {
    method,
    headers: {
      ...(hasBody ? { "content-type": "application/json" } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
}

export function callRoute(handler: TRouteHandler, method: string, path: string, call: TCall = {}): Promise<Response> {
  return runAsActor(call.session ?? null, () => handler(apiRequest(method, path, call), { params: Promise.resolve(call.params ?? {}) }));
}

/** A problem document's fields. */
export type TProblem = { type: string; title: string; status: number; detail: string; code: string; errors?: Record<string, string[]> } & Record<string, unknown>;

export async function problemOf(response: Response): Promise<TProblem> {
  if (response.headers.get("content-type") !== "application/problem+json") throw new Error(`not a problem: ${response.status} ${response.headers.get("content-type")}: ${await response.text()}`);
  return (await response.json()) as TProblem;
}
