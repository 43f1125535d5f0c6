// The HTTP server's half of "503 when the database is away" (docs/decisions/018). Next.js gives
// a page render that throws status 500 and no way to choose another, so each request runs inside
// an AsyncLocalStorage store; instrumentation.ts marks the store when a render failed for want of
// the database (lib/server/database-unavailable.ts), and here a 500 of a marked request becomes a
// 503 with Retry-After and a plain "temporarily unavailable, nothing was saved" page. Unmarked
// responses pass through untouched. API routes never get here: they answer 503 themselves.
import { AsyncLocalStorage } from "node:async_hooks";

const REQUEST_OUTCOME = Symbol.for("pactwatch.request-outcome");
/** @type {AsyncLocalStorage<{ isDatabaseUnavailable: boolean }>} */
const storage = (globalThis[REQUEST_OUTCOME] ??= new AsyncLocalStorage());

// Keep in step with DATABASE_RETRY_AFTER_SECONDS in lib/server/database-unavailable.ts.
export const RETRY_AFTER_SECONDS = 5;
const MESSAGE = "The database is not answering at the moment, so nothing was saved. Please try again in a few seconds.";

// Next's headers that describe its own body; the security headers (CSP, X-Frame-Options …) stay.
const BODY_HEADERS = ["content-type", "content-length", "content-encoding", "etag", "link", "last-modified", "x-nextjs-cache", "x-nextjs-prerender", "x-nextjs-stale-time"];

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** The 503 page: plain HTML that needs neither the database nor JavaScript. */
export function unavailablePage(path) {
  const retry = escapeHtml(path.startsWith("/") && !path.startsWith("//") ? path : "/");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Temporarily unavailable · Pactwatch</title>
<style>body{font-family:system-ui,sans-serif;margin:0;color:#1c1917;background:#fafaf9}main{max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5}h1{font-family:Georgia,serif;font-size:1.9rem}a{color:#1d4ed8}</style>
</head>
<body>
<main>
<h1>Temporarily unavailable</h1>
<p>${escapeHtml(MESSAGE)}</p>
<p>If you were saving something, it was not saved: once this page loads normally again, check and send it once more.</p>
<p><a href="${retry}">Try again</a> · <a href="/">Pactwatch home</a></p>
</main>
</body>
</html>
`;
}

function problemBody() {
  return JSON.stringify({ type: "https://pactwatch.invalid/problems/unavailable", title: "UNAVAILABLE", status: 503, detail: MESSAGE, retryAfterSeconds: RETRY_AFTER_SECONDS });
}

/** Runs Next's handler for one request, turning a 500 caused by the database being away into a 503. */
export function handleWithUnavailableGuard(handle, request, response) {
  const outcome = { isDatabaseUnavailable: false };
  const original = { writeHead: response.writeHead, write: response.write, end: response.end };
  let isReplaced = false;

  const replaceIfUnavailable = (status) => {
    if (isReplaced) return true;
    if (!outcome.isDatabaseUnavailable || response.headersSent || status < 500) return false;
    isReplaced = true;
    const path = request.url ?? "/";
    const isApi = path.startsWith("/api/");
    const body = isApi ? problemBody() : unavailablePage(path);
    for (const name of BODY_HEADERS) response.removeHeader(name);
    original.writeHead.call(response, 503, {
      "content-type": isApi ? "application/problem+json" : "text/html; charset=utf-8",
      "content-length": Buffer.byteLength(body),
      "retry-after": String(RETRY_AFTER_SECONDS),
      "cache-control": "no-store",
    });
    original.end.call(response, body);
    return true;
  };
  const callbackOf = (args) => args.find((argument) => typeof argument === "function");

  // Next writes its status through writeHead, or through the first write()/end() that sends the
  // head implicitly: each checks first, so none of Next's bytes follow a replaced answer.
  response.writeHead = function writeHead(status, ...rest) {
    if (replaceIfUnavailable(status)) return response;
    return original.writeHead.call(response, status, ...rest);
  };
  response.write = function write(...args) {
    if (replaceIfUnavailable(response.statusCode)) {
      const callback = callbackOf(args);
      if (callback) process.nextTick(callback);
      return true;
    }
    return original.write.apply(response, args);
  };
  response.end = function end(...args) {
    if (replaceIfUnavailable(response.statusCode)) {
      const callback = callbackOf(args);
      if (callback) process.nextTick(callback);
      return response;
    }
    return original.end.apply(response, args);
  };
  return storage.run(outcome, () => handle(request, response));
}
