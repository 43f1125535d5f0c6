import "server-only";
import { getAppEnv } from "../env";
import { AppError } from "../errors";
import { requestOrigin } from "../request-origin";

// A browser attaches the session cookie to any request for our host, whichever page sent it: a
// page on another port of the same host is even "same-site", so SameSite=Lax does not stop it.
// Writes authenticated by that cookie must therefore come from our own pages: the Origin header
// (which a page cannot forge) must be ours, or, when a browser sends no Origin, Sec-Fetch-Site
// must say same-origin. Bearer tokens are never sent by a browser on its own, so they are
// unaffected; safe methods (GET, HEAD) change nothing and are not checked.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The origins our own pages are served from: PUBLIC_URL's, and the one the client addressed. */
function ownOrigins(request: Request): Set<string> {
  const origins = new Set<string>([requestOrigin(request), new URL(request.url).origin]);
  const publicUrl = getAppEnv().PUBLIC_URL;
  if (publicUrl) origins.add(new URL(publicUrl).origin);
  return origins;
}

export function isSameOriginRequest(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin !== null) return ownOrigins(request).has(origin.trim().toLowerCase());
  return request.headers.get("sec-fetch-site")?.trim().toLowerCase() === "same-origin";
}

/** Refuses (403) a write made with the session cookie from a page that is not Pactwatch's. */
export function assertSameOriginWrite(request: Request): void {
  if (SAFE_METHODS.has(request.method.toUpperCase()) || isSameOriginRequest(request)) return;
  const origin = request.headers.get("origin");
  throw new AppError(
    "FORBIDDEN",
    `Writes signed in with the session cookie must come from Pactwatch's own pages (${origin === null ? "the request had no Origin header" : `this one came from ${origin}`}). Scripts: send an API token as Authorization: Bearer <token>.`,
    {},
    { reason: "cross-origin" },
  );
}
