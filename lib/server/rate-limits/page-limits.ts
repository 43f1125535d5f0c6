import "server-only";
import { actorOfSession } from "../auth/sessions";
import { decodeSessionToken, SESSION_COOKIE } from "../auth/session-token";
import { AppError } from "../errors";
import { clientAddressOf, isSearch, takeAnonymousSearch } from "./request-limits";

// Searches on pages (/search?q=…, /agreements?q=… and every other list) are limited like the
// API's, per anonymous client address, from proxy.ts: a page cannot answer 429 itself once React
// has begun streaming it, so the count is taken before any page renders, and a refusal is a small
// page of its own. API, feed and export routes count in apiRoute instead.
const NOT_PAGES = /^\/(api|exports|feeds|_next)(\/|$)/;

function cookieValue(cookieHeader: string | null, name: string): string | undefined {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}

async function isSignedIn(request: Request): Promise<boolean> {
  const claims = await decodeSessionToken(cookieValue(request.headers.get("cookie"), SESSION_COOKIE));
  return claims ? (await actorOfSession(claims)) !== null : false;
}

/**
 * For proxy.ts: an anonymous page request carrying q= takes a search point for its address.
 * Returns the 429 page (with Retry-After) when the address has used up its searches, else null.
 */
export async function refusedPageSearch(request: Request): Promise<Response | null> {
  const url = new URL(request.url);
  if (!["GET", "HEAD"].includes(request.method) || NOT_PAGES.test(url.pathname) || !isSearch(url)) return null;
  try {
    if (await isSignedIn(request)) return null;
    await takeAnonymousSearch(clientAddressOf(request.headers));
    return null;
  } catch (error) {
    if (error instanceof AppError && error.code === "RATE_LIMITED") return tooManyRequestsPage(error.message, Number(error.details.retryAfterSeconds));
    // The database could not count (it is away): let the page answer, as it answers every
    // visitor then, rather than fail here without the page's own error handling.
    console.error(`search limit not checked: ${(error as Error).message}`);
    return null;
  }
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** A plain, self-contained page for a 429 on a page route: what happened and when to try again. */
export function tooManyRequestsPage(message: string, retryAfterSeconds: number): Response {
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Too many requests – Pactwatch</title>
</head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
<main>
<h1>Too many requests</h1>
<p>${escapeHtml(message)}</p>
<p>Nothing is wrong with what you asked for: wait ${retryAfterSeconds} s, then reload this page.</p>
<p><a href="/">Pactwatch home</a> · <a href="/methodology">Methodology</a></p>
</main>
</body>
</html>
`;
  return new Response(html, {
    status: 429,
    headers: { "content-type": "text/html; charset=utf-8", "retry-after": String(retryAfterSeconds), "cache-control": "no-store" },
  });
}
