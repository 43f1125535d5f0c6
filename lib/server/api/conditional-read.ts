import "server-only";
import { createHash } from "node:crypto";
import { SESSION_COOKIE } from "../auth/session-token";
import { getAppEnv } from "../env";
import type { TActor } from "../permissions";

// Reads carry a strong ETag made from the body's bytes (SHA-256): the read API's bodies mix a
// record with its derived status, citations and related items, so no single row version
// identifies them, while the bytes do. If-None-Match then answers 304 without the body (the
// work of reading is done anyway; the transfer is saved). Anonymous public reads may be cached
// briefly by anyone; whatever was read with a session, a token or while PUBLIC_READ is off is
// `private, no-store`, so no shared cache hands one caller's answer to another.

const PUBLIC_CACHE_CONTROL = "public, max-age=60";
const PRIVATE_CACHE_CONTROL = "private, no-store";
// The answer depends on who asks: a shared cache must key on these (or, for private ones, not store).
const VARY = "Authorization, Cookie";

export function strongEtag(bytes: Uint8Array): string {
  return `"${createHash("sha256").update(bytes).digest("base64url")}"`;
}

/** True when an If-None-Match list (or `*`) matches the tag, by weak comparison (RFC 9110 §13.1.2). */
export function ifNoneMatchMatches(header: string | null, etag: string): boolean {
  if (header === null) return false;
  if (header.trim() === "*") return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => opaque(tag) === opaque(etag));
}

/** Whether a read answers private data: anything but an anonymous caller on a public site. */
export function isPrivateRead(request: Request, actor: TActor): boolean {
  if (actor || request.headers.has("authorization") || !getAppEnv().PUBLIC_READ) return true;
  const cookie = request.headers.get("cookie") ?? "";
  return cookie.split(";").some((pair) => pair.trim().startsWith(`${SESSION_COOKIE}=`));
}

/**
 * A successful read (GET or HEAD, 200) with its ETag, Cache-Control and Vary, or the 304 its
 * If-None-Match asks for. Anything else (redirects, problems) passes through unchanged. Only for
 * bodies apiRoute serialised itself (JSON, in memory): a streamed export is never buffered here.
 */
export async function finishRead(request: Request, response: Response, isPrivate: boolean): Promise<Response> {
  const method = request.method.toUpperCase();
  if ((method !== "GET" && method !== "HEAD") || response.status !== 200) return response;
  const bytes = new Uint8Array(await response.arrayBuffer());
  const etag = strongEtag(bytes);
  const headers = new Headers(response.headers);
  headers.set("etag", etag);
  headers.set("cache-control", isPrivate ? PRIVATE_CACHE_CONTROL : PUBLIC_CACHE_CONTROL);
  headers.set("vary", VARY);
  if (ifNoneMatchMatches(request.headers.get("if-none-match"), etag)) {
    headers.delete("content-type");
    headers.delete("content-length");
    return new Response(null, { status: 304, headers });
  }
  return new Response(method === "HEAD" ? null : bytes, { status: 200, headers });
}
