import "server-only";
import { hashTokenSecret } from "../api-tokens/token-secret";
import { getLimitsEnv } from "../env";
import type { TActor } from "../permissions";
import { consumeOrRefuse, postgresLimiter } from "./postgres-limiter";

// The request limits of decision 017, each a PostgreSQL counter (postgres-limiter.ts), a minute
// per key: anonymous searches and anonymous exports per client address; API writes per
// credential (the API token, or the signed-in account of a session) and, separately, per
// client address, so neither many tokens from one address nor one token from many addresses
// escapes. Signed-in reading is not rate-limited (exports still take a slot, export-slots.ts).

/** What a route may declare it is, for the limits: an export. (A search needs no declaration: it is any request with q=.) */
export type TRequestLimit = "export";

/** Who a request counts against. */
export type TRequestClient = {
  /** The client's address as scripts/serve.mjs recorded it (TRUSTED_PROXY_HOPS decides which hop). */
  address: string;
  /** "token:<hash>" for an API token, "user:<id>" for a session, null when anonymous. */
  credential: string | null;
};

const CLIENT_ADDRESS_HEADER = "x-pactwatch-client-address";

/** The client address of a request (serve.mjs overwrites the header on every request, so a client cannot choose it). */
export function clientAddressOf(headers: Headers): string {
  return headers.get(CLIENT_ADDRESS_HEADER)?.trim() || "unknown";
}

/** The request's client: its address, and its credential when it is signed in. */
export function requestClientOf(request: Request, actor: TActor): TRequestClient {
  const address = clientAddressOf(request.headers);
  if (!actor) return { address, credential: null };
  const secret = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization")?.trim() ?? "")?.[1];
  return { address, credential: secret ? `token:${hashTokenSecret(secret)}` : `user:${actor.id}` };
}

/** One key for the export limits: the credential when signed in, else the address. */
export function exportClientKey(client: TRequestClient): string {
  return client.credential ?? `address:${client.address}`;
}

/** Whether the request is a search: a non-empty q= in its query string. */
export function isSearch(url: URL): boolean {
  return url.searchParams.getAll("q").some((value) => value.trim() !== "");
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Takes an anonymous search's point for its address, or throws RATE_LIMITED. */
export async function takeAnonymousSearch(address: string): Promise<void> {
  const points = getLimitsEnv().RATE_LIMIT_SEARCHES_PER_MINUTE;
  if (points === 0) return;
  await consumeOrRefuse(postgresLimiter({ keyPrefix: "search:address", points, duration: 60 }), address, (seconds) =>
    `Too many searches from your address (${points} a minute without signing in). Try again in ${seconds} s.`,
  );
}

async function takeAnonymousExport(address: string): Promise<void> {
  const points = getLimitsEnv().RATE_LIMIT_EXPORTS_PER_MINUTE;
  if (points === 0) return;
  await consumeOrRefuse(postgresLimiter({ keyPrefix: "export:address", points, duration: 60 }), address, (seconds) =>
    `Too many exports from your address (${points} a minute without signing in). Try again in ${seconds} s.`,
  );
}

async function takeWrite(client: TRequestClient): Promise<void> {
  const points = getLimitsEnv().RATE_LIMIT_WRITES_PER_MINUTE;
  if (points === 0) return;
  const message = (seconds: number) => `Too many writes (${points} a minute for each API token or session, and for each address). Try again in ${seconds} s.`;
  // The credential first: a token used up its minute is refused without spending the address's points.
  if (client.credential) await consumeOrRefuse(postgresLimiter({ keyPrefix: "write:credential", points, duration: 60 }), client.credential, message);
  await consumeOrRefuse(postgresLimiter({ keyPrefix: "write:address", points, duration: 60 }), client.address, message);
}

/**
 * The limits of one API request (apiRoute's hook): every write (any method but GET, HEAD and
 * OPTIONS) per credential and address; an anonymous read of a route declared "export", or one
 * that carries q= (a search), per address. Throws RATE_LIMITED with details.retryAfterSeconds,
 * which the problem response sends as Retry-After.
 */
export async function enforceRequestLimits(request: Request, actor: TActor, declared: TRequestLimit | undefined): Promise<void> {
  const client = requestClientOf(request, actor);
  if (!SAFE_METHODS.has(request.method.toUpperCase())) return takeWrite(client);
  if (actor) return;
  if (declared === "export") return takeAnonymousExport(client.address);
  if (isSearch(new URL(request.url))) return takeAnonymousSearch(client.address);
}
