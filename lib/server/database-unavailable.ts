import "server-only";

// Which failures mean "the database is away" (stopped, restarting, frozen, unreachable, out of
// connections) rather than "this request is wrong" or "our code is wrong": those answer 503 with
// Retry-After and say that nothing was saved (docs/decisions/018). The shapes were read off
// adapter-pg 7.10 and pg 8 against a real server that was stopped, restarted and SIGSTOPped.

/** What the client is told to wait before trying again, in seconds: a restart takes about this long. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export const DATABASE_UNAVAILABLE_MESSAGE = "The database is not answering at the moment, so nothing was saved. Please try again in a few seconds.";

// Prisma's own codes: can't reach the server (P1001), timed out reaching it (P1002), operation
// timed out (P1008), server closed the connection (P1017), timed out waiting for a pooled
// connection (P2024).
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// SQLSTATEs: admin shutdown, crash shutdown, cannot connect now (starting up, shutting down),
// statement cancelled (statement_timeout on a server too slow or stuck to answer), too many
// connections; class 08 is "connection exception".
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "57014", "53300"]);
// adapter-pg's kinds for socket failures, and Node's socket error codes when pg's raw error
// arrives unwrapped; PACTWATCH_QUERY_DEADLINE is database-deadline.ts's.
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "PACTWATCH_QUERY_DEADLINE"]);
// pg and pg-pool throw these as plain Errors without a code; Prisma passes them through as they are.
const DRIVER_MESSAGES = [
  /^timeout exceeded when trying to connect$/,
  /^Connection terminated( unexpectedly| due to connection timeout)?$/,
  /^Query read timeout$/,
  /^Client has encountered a connection error and is not queryable$/,
  /^Transaction API error: Unable to start a transaction in the given time/,
];

type TErrorLike = { code?: unknown; kind?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };

function isUnavailableCode(code: unknown): boolean {
  if (typeof code !== "string") return false;
  return PRISMA_CODES.has(code) || SQLSTATES.has(code) || SOCKET_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code);
}

/** Whether anything thrown by a database call means the database is away, looking through Prisma's and pg's wrappers. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const candidate = error as TErrorLike;
  if (isUnavailableCode(candidate.code) || isUnavailableCode(candidate.originalCode)) return true;
  if (typeof candidate.kind === "string" && ADAPTER_KINDS.has(candidate.kind)) return true;
  if (candidate.kind === "postgres" && isUnavailableCode(candidate.code)) return true;
  if (typeof candidate.message === "string" && DRIVER_MESSAGES.some((pattern) => pattern.test(candidate.message as string))) return true;
  return isDatabaseUnavailable(candidate.meta?.driverAdapterError, depth + 1) || isDatabaseUnavailable(candidate.cause, depth + 1);
}

// An outage fails every request at once: one line every few seconds says so without flooding the log.
let lastLoggedAt = 0;
let unloggedCount = 0;

/** Logs an outage failure, at most once every 5 s (with how many were not logged). */
export function logDatabaseUnavailable(error: unknown, now = Date.now()): void {
  if (now - lastLoggedAt < 5_000) {
    unloggedCount++;
    return;
  }
  const message = error instanceof Error ? error.message.split("\n").filter(Boolean).at(-1) : String(error);
  console.error(`database unavailable: ${message}${unloggedCount ? ` (and ${unloggedCount} more since the last report)` : ""}`);
  lastLoggedAt = now;
  unloggedCount = 0;
}

// scripts/serve.mjs puts an AsyncLocalStorage here and runs each request inside it; a page
// render that fails for want of the database marks its store, and the server answers 503.
const REQUEST_OUTCOME = Symbol.for("pactwatch.request-outcome");
type TRequestOutcomeStorage = { getStore(): { isDatabaseUnavailable: boolean } | undefined };

/** Marks the current request as failed because the database is away (no-op outside scripts/serve.mjs). */
export function markRequestDatabaseUnavailable(): void {
  const storage = (globalThis as Record<symbol, TRequestOutcomeStorage | undefined>)[REQUEST_OUTCOME];
  const store = storage?.getStore();
  if (store) store.isDatabaseUnavailable = true;
}
