import "server-only";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { getDatabase, poolOf, type TDatabase } from "../db";
import { AppError } from "../errors";

// Failed sign-ins are counted in PostgreSQL (table "RateLimit"), so every app process shares
// the counts: 5 failures a minute per account, and 20 a minute per client address.
const LIMITS = { account: { points: 5, duration: 60 }, address: { points: 20, duration: 60 } } as const;

const limitersByDatabase = new WeakMap<TDatabase, { account: RateLimiterPostgres; address: RateLimiterPostgres }>();

// The library names its prepared statements; the embedded database serves every connection
// from one session, where a second connection preparing the same name fails (so would a
// transaction-pooling proxy). Unnamed statements work everywhere.
function unnamedStatements(database: TDatabase) {
  const pool = poolOf(database);
  return {
    query: (config: string | { text: string; values?: unknown[] }, values?: unknown[]) =>
      typeof config === "string" ? pool.query(config, values) : pool.query({ text: config.text, values: config.values ?? values }),
  };
}

function limiters() {
  const database = getDatabase();
  let found = limitersByDatabase.get(database);
  if (!found) {
    const make = (prefix: string, limit: { points: number; duration: number }) =>
      new RateLimiterPostgres({ storeClient: unnamedStatements(database), storeType: "pool", tableName: "RateLimit", tableCreated: true, keyPrefix: prefix, ...limit });
    found = { account: make("sign-in:account", LIMITS.account), address: make("sign-in:address", LIMITS.address) };
    limitersByDatabase.set(database, found);
  }
  return found;
}

function tooMany(waitMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new AppError("RATE_LIMITED", `Too many failed sign-ins. Try again in ${seconds} s.`, {}, { retryAfterSeconds: seconds });
}

/** Throws RATE_LIMITED when the account or the address has used up its failures. */
export async function assertSignInAllowed(email: string, address: string): Promise<void> {
  const { account, address: byAddress } = limiters();
  const [forAccount, forAddress] = await Promise.all([account.get(email), byAddress.get(address)]);
  for (const [result, limit] of [[forAccount, LIMITS.account], [forAddress, LIMITS.address]] as const) {
    if (result && result.consumedPoints >= limit.points) throw tooMany(result.msBeforeNext);
  }
}

/** Counts one failed sign-in against the account and the address. */
export async function recordFailedSignIn(email: string, address: string): Promise<void> {
  const { account, address: byAddress } = limiters();
  await Promise.all(
    [account.penalty(email, 1), byAddress.penalty(address, 1)].map((attempt) =>
      attempt.catch((error: unknown) => {
        if (!(error instanceof RateLimiterRes)) throw error;
      }),
    ),
  );
}

/** A successful sign-in clears the account's count (not the address's). */
export async function clearFailedSignIns(email: string): Promise<void> {
  await limiters().account.delete(email);
}
