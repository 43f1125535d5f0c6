// Requests refused in proxy.ts before any page, action or route sees them (issue 10 items 2 and 4).
// Pure, so unit tests read the rules without a server.

// A path Next.js cannot decode ("%C0", a lone "%") threw inside the router; a control character
// (NUL above all) reached PostgreSQL, which refuses it: both answered 500.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/** Why a request path cannot name anything here, or null when it is fine. */
export function pathProblem(pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return "This address is not valid: it holds a broken percent-encoding (a lone % or bytes that are not UTF-8).";
  }
  if (CONTROL_CHARACTER.test(decoded)) return "This address is not valid: it holds a control character such as NUL (%00).";
  return null;
}

/** The host[:port] of an Origin header, or null for "null" and anything that is no URL. */
function originHost(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}

type THeaders = { get(name: string): string | null };

/**
 * Why a server action must be refused as cross-origin, or null to let it through. The same rule
 * Next.js applies in its action handler (which answered it with a 500): a POST to a page whose
 * Origin header names another host than the one asked for (x-forwarded-host, else Host). A POST
 * without an Origin is left to Next.js, which lets it through as browsers always send one.
 * next.config.js lists no serverActions.allowedOrigins; adding one must add it here too.
 */
export function crossOriginActionProblem(method: string, pathname: string, headers: THeaders): string | null {
  if (method !== "POST" || pathname === "/api" || pathname.startsWith("/api/")) return null;
  // RFC 8058 one-click unsubscribe is posted by mail providers from anywhere; its signed token is its guard.
  if (/^\/unsubscribe\/[^/]+\/one-click$/.test(pathname)) return null;
  const origin = headers.get("origin");
  if (origin === null) return null;
  const ownHost = (headers.get("x-forwarded-host")?.split(",")[0] ?? headers.get("host") ?? "").trim().toLowerCase();
  if (ownHost !== "" && originHost(origin) === ownHost) return null;
  return `This form was sent from another site (${origin}), so it was refused and nothing was saved. Open the page on this site and send it from there.`;
}
