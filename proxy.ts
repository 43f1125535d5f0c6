import { NextResponse, type NextRequest } from "next/server";
import { crossOriginActionProblem, pathProblem } from "@/lib/request-guards";
import { contentSecurityPolicy, newNonce, STRICT_TRANSPORT_SECURITY } from "@/lib/security-headers";
import { refusedPageSearch } from "@/lib/server/rate-limits/page-limits";

// Runs before every page and route (decision 014):
// - a Content-Security-Policy with a fresh nonce; Next.js reads the nonce from the request's
//   CSP header and puts it on its own scripts, so every page renders per request;
// - Strict-Transport-Security when the public origin is https;
// - the requested path for server components, which cannot read it otherwise, so a page that
//   needs sign-in can send the visitor back where they were going;
// - a path that cannot be decoded or holds a control character is a 400, and a server action
//   posted from another origin a 403 (Next.js refused both, but with a 500; lib/request-guards.ts);
// - with PUBLIC_READ=false, a visitor without a session cookie is sent to the sign-in page here,
//   with an empty 307, before any page renders (pages still check the session itself);
// - an anonymous search on a page (q=) takes its rate-limit point here, where a refusal can
//   still be a 429 with Retry-After (lib/server/rate-limits/page-limits.ts, decision 017).
// It reads PUBLIC_READ and PUBLIC_URL straight from the environment, cheaply on every request;
// only a page search reaches the database (through lib/server, which the proxy bundle may import).
const SESSION_COOKIE = "pactwatch.session-token";
const OPEN_WITHOUT_SIGN_IN = /^\/(sign-in|unsubscribe|api|feeds|exports|_next)(\/|$)/;

export async function proxy(request: NextRequest) {
  const isHttps = process.env.PUBLIC_URL?.startsWith("https://") ?? false;
  const { pathname, search } = request.nextUrl;
  const refusal = refusalOf(request, pathname);
  if (refusal) return withTransportSecurity(refusal, isHttps);
  if (process.env.PUBLIC_READ === "false" && !request.cookies.has(SESSION_COOKIE) && !OPEN_WITHOUT_SIGN_IN.test(pathname)) {
    const signIn = new URL(`/sign-in?callbackUrl=${encodeURIComponent(`${pathname}${search}`)}`, request.url);
    const redirect = NextResponse.redirect(signIn, 307);
    redirect.headers.set("cache-control", "no-store");
    return withTransportSecurity(redirect, isHttps);
  }
  const nonce = newNonce();
  const policy = contentSecurityPolicy({ nonce, isDevelopment: process.env.NODE_ENV === "development", isHttps });
  const refused = await refusedPageSearch(request);
  if (refused) {
    const page = new NextResponse(refused.body, refused);
    page.headers.set("content-security-policy", policy);
    return withTransportSecurity(page, isHttps);
  }
  const headers = new Headers(request.headers);
  headers.set("x-pactwatch-path", `${pathname}${search}`);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return withTransportSecurity(response, isHttps);
}

/** A plain answer to a request no page may see: problem+json under /api, text elsewhere. */
function refusalOf(request: NextRequest, pathname: string): NextResponse | null {
  const badPath = pathProblem(pathname);
  const crossOrigin = badPath ? null : crossOriginActionProblem(request.method, pathname, request.headers);
  const message = badPath ?? crossOrigin;
  if (!message) return null;
  const status = badPath ? 400 : 403;
  const isApi = pathname === "/api" || pathname.startsWith("/api/");
  const body = isApi ? JSON.stringify({ title: badPath ? "Bad request" : "Forbidden", status, detail: message }) : `${message}\n`;
  return new NextResponse(body, {
    status,
    headers: { "content-type": isApi ? "application/problem+json" : "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

function withTransportSecurity(response: NextResponse, isHttps: boolean): NextResponse {
  if (isHttps) response.headers.set("strict-transport-security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
