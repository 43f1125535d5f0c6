import { expect } from "vitest";
import type { TDeclaredRoute } from "../../lib/server/api";
import { runAsActor } from "../../lib/server/auth/actor-context";

// Calls a route handler as Next.js would, with a bearer token, and reads the answer; a success
// body is parsed with the route's declared `response` schema, so every test holds real bodies
// to what the declaration (and the OpenAPI document made from it) promises.

export type TCall = { token?: string | null; params?: Record<string, string>; query?: Record<string, string | number>; body?: unknown };

export async function callRoute(route: TDeclaredRoute, method: string, { token = null, params = {}, query = {}, body }: TCall = {}) {
  const url = new URL("http://pactwatch.test/api/v1/route");
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, String(value));
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  if (body !== undefined) headers["content-type"] = "application/json";
  const request = new Request(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const response = await runAsActor(null, () => route(request, { params: Promise.resolve(params) }));
  const text = await response.text();
  const isJson = response.headers.get("content-type")?.includes("json") ?? false;
  const json = isJson && text ? (JSON.parse(text) as Record<string, unknown>) : null;
  if (response.status < 300 && isJson) {
    const parsed = route.declaration.response?.safeParse(json);
    if (parsed && !parsed.success) throw new Error(`${method} answered a body its declared response schema refuses: ${parsed.error.message}\n${text}`);
  }
  return { status: response.status, headers: response.headers, json: json as Record<string, any> | null, text };
}

/** Follows `nextCursor` from the first page to the last, collecting every row's id. */
export async function collectPages(route: TDeclaredRoute, call: TCall, { between }: { between?: (page: number) => Promise<void> } = {}) {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const { status, json } = await callRoute(route, "GET", { ...call, query: { ...call.query, ...(cursor ? { cursor } : {}) } });
    if (status !== 200) throw new Error(`page ${pages + 1} answered ${status}`);
    ids.push(...(json!.data as { id: string }[]).map((row) => row.id));
    cursor = json!.nextCursor as string | null;
    if (cursor) expect(json!.links.next).toContain(`cursor=${cursor}`);
    pages += 1;
    await between?.(pages);
  } while (cursor && pages < 100);
  return { ids, pages };
}
