// The app's HTTP server: Next.js behind a plain Node server that records who is calling and
// answers 503 for pages that failed because the database is away.
// Next.js only fills X-Forwarded-For when a request lacks it, so a client could choose its
// own address; here the address comes from the socket, or, with TRUSTED_PROXY_HOPS=N reverse
// proxies in front, from the entry the outermost trusted proxy appended.
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import next from "next";
import { handleWithUnavailableGuard } from "./lib/unavailable-response.mjs";
import { createPageCache } from "./lib/page-cache.mjs";
import { createPublishedVersionReader } from "./lib/published-version.mjs";
import { answerBusy, createRenderGate, isExempt } from "./lib/render-gate.mjs";
import { availableParallelism } from "node:os";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "127.0.0.1";
const trustedHops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);
const isDev = process.argv.includes("--dev");

// A proxy in front with TRUSTED_PROXY_HOPS=0 makes every visitor share the proxy's address,
// so one visitor's failed sign-ins would slow everyone: say so, once.
let hasWarnedOfProxy = false;
function warnIfProxiedUntrusted(request) {
  if (hasWarnedOfProxy || trustedHops > 0 || !request.headers["x-forwarded-for"]) return;
  // Next.js re-requests a server action's redirect target from itself with the original headers
  // (its own X-Forwarded-For and our client-address header among them): that is no proxy.
  if (request.headers["x-pactwatch-client-address"]) return;
  hasWarnedOfProxy = true;
  console.warn(
    `[pactwatch] warning: requests arrive with X-Forwarded-For but TRUSTED_PROXY_HOPS=0, so rate limits count every client ` +
      `as the proxy's address (${request.socket.remoteAddress ?? "unknown"}). Set TRUSTED_PROXY_HOPS to the number of reverse proxies in front.`,
  );
}

function clientAddress(request) {
  const socketAddress = request.socket.remoteAddress ?? "unknown";
  warnIfProxiedUntrusted(request);
  if (trustedHops <= 0) return socketAddress;
  const forwarded = String(request.headers["x-forwarded-for"] ?? "").split(",").map((part) => part.trim()).filter(Boolean);
  return forwarded.at(-trustedHops) ?? socketAddress;
}

// Webpack, not Turbopack, in development as in production: Turbopack gives every route handler its
// own copy of the shared server code, 32 copies of 636 KB that the server holds (decision 043).
const app = next({ dev: isDev, hostname, port, webpack: true });
const handle = app.getRequestHandler();
await app.prepare();
const pageCache = pageCacheFromEnv();
const renderGate = renderGateFromEnv();
// Next.js answers a server action's redirect by requesting the target from this server with the
// action's own headers. That inner request must not queue behind the action holding its slot
// (the action waits for it), and it is still the original caller's: a header only this process
// knows marks it. Clients cannot send it, as they cannot know it.
const INNER_REQUEST_MARK = randomBytes(16).toString("hex");
const server = createServer((request, response) => {
  const isInner = request.headers["x-pactwatch-inner"] === INNER_REQUEST_MARK;
  request.headers["x-pactwatch-inner"] = INNER_REQUEST_MARK;
  if (!isInner) request.headers["x-pactwatch-client-address"] = clientAddress(request);
  // A page that fails because the database is away answers 503, not 500 (decision 018).
  const renderNow = () => handleWithUnavailableGuard(handle, request, response);
  // Cache hits never wait; renders take their turn (decision 027).
  const render = () => (isInner || isExempt(request) ? renderNow() : renderGate.run(response, renderNow, () => answerBusy(request, response)));
  if (!pageCache) return render();
  pageCache.handle(request, response, render).catch((error) => {
    console.error(`[pactwatch] page cache: ${error.message}`);
    if (!response.headersSent) render();
    else response.destroy(error);
  });
});
server.listen(port, hostname, () => console.log(`▲ Next.js ${isDev ? "dev" : "production"} server listening on http://${hostname}:${port}`));

// At most RENDER_CONCURRENCY renders at once (0: one per core, at least two), up to 512 more waiting at most
// 10 s each; beyond that a 503 with Retry-After (decision 027).
function renderGateFromEnv() {
  const configured = Number(process.env.RENDER_CONCURRENCY ?? 0);
  const concurrency = configured > 0 ? configured : Math.max(2, availableParallelism());
  return createRenderGate({
    concurrency,
    maxQueue: 512,
    maxWaitMs: 10_000,
    onError: (error, response) => {
      console.error(`[pactwatch] render failed: ${error?.message ?? error}`);
      if (!response.headersSent) response.writeHead(500).end();
      else response.destroy();
    },
  });
}

// Signed-out readers' answers kept under the published version (decision 024). Off in
// development, on the embedded database (one session: a second pool's reading would see inside
// the app's open transactions), when reading needs an account, and with PAGE_CACHE_MAX_MB=0.
function pageCacheFromEnv() {
  const maxMegabytes = Number(process.env.PAGE_CACHE_MAX_MB ?? 64);
  const ttlSeconds = Number(process.env.PAGE_CACHE_TTL_SECONDS ?? 30);
  const databaseUrl = process.env.DATABASE_REPLICA_URL || process.env.DATABASE_URL;
  if (isDev || process.env.PACTWATCH_EMBEDDED === "1" || process.env.PUBLIC_READ === "false" || !databaseUrl) return null;
  if (!(maxMegabytes > 0) || !(ttlSeconds > 0)) return null;
  const reader = createPublishedVersionReader(databaseUrl);
  let lastComplaint = 0;
  return createPageCache({
    readVersion: reader.read,
    maxBytes: maxMegabytes * 1024 * 1024,
    ttlMs: ttlSeconds * 1000,
    // Once a minute at most: while the database is away every request would say it.
    onError: (error) => {
      if (Date.now() - lastComplaint < 60_000) return;
      lastComplaint = Date.now();
      console.warn(`[pactwatch] page cache bypassed: the published version could not be read (${error.message})`);
    },
  });
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
