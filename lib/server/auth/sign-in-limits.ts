import "server-only";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { getDatabase, poolOf, type TDatabase } from "../db";
import { AppError } from "../errors";

// Sign-in attempts are counted in PostgreSQL (table "RateLimit"), so every app process shares
// the counts, and each attempt takes its point with one atomic statement BEFORE the password is
// checked: parallel guesses cannot all slip in under the limit (decision 014).
//
// Refusals ("try again in N s") are per client address, and per account *from that address*:
// someone guessing at an account only shuts out themselves. Across all addresses an account is
// slowed, never locked: after a few failures every further attempt waits a growing delay, so
// anyone can slow an account's sign-in a little but nobody can lock its owner out.
export const SIGN_IN_LIMITS = {
  /** Failures per account and address, a minute. */
  accountAtAddress: { points: 5, duration: 60 },
  /** Attempts per client address (any accounts), a minute. */
  address: { points: 20, duration: 60 },
  /** Failures per account from anywhere, counted over 15 minutes, that start slowing it down. */
  accountSlowdown: { freeFailures: 5, duration: 15 * 60, delayMsPerFailure: 1_000, maxDelayMs: 10_000 },
} as const;

type TLimiters = { accountAtAddress: RateLimiterPostgres; address: RateLimiterPostgres; account: RateLimiterPostgres };
const limitersByDatabase = new WeakMap<TDatabase, TLimiters>();

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

function limiters(): TLimiters {
  const database = getDatabase();
  let found = limitersByDatabase.get(database);
  if (!found) {
    const make = (keyPrefix: string, points: number, duration: number) =>
      new RateLimiterPostgres({ storeClient: unnamedStatements(database), storeType: "pool", tableName: "RateLimit", tableCreated: true, keyPrefix, points, duration });
    const { accountAtAddress, address, accountSlowdown } = SIGN_IN_LIMITS;
    found = {
      accountAtAddress: make("sign-in:account-address", accountAtAddress.points, accountAtAddress.duration),
      address: make("sign-in:address", address.points, address.duration),
      // A counter, not a limit: it never refuses.
      account: make("sign-in:account", 1_000_000, accountSlowdown.duration),
    };
    limitersByDatabase.set(database, found);
  }
  return found;
}

function tooMany(waitMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new AppError("RATE_LIMITED", `Too many failed sign-ins. Try again in ${seconds} s.`, {}, { retryAfterSeconds: seconds });
}

async function consumeOrRefuse(limiter: RateLimiterPostgres, key: string): Promise<void> {
  try {
    await limiter.consume(key, 1);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw tooMany(error.msBeforeNext);
    throw error;
  }
}

const accountAtAddressKey = (email: string, address: string) => `${email}|${address}`;

/** The delay an attempt waits before its password is checked, given the account's earlier failures. */
export function slowdownMs(earlierFailures: number): number {
  const { freeFailures, delayMsPerFailure, maxDelayMs } = SIGN_IN_LIMITS.accountSlowdown;
  return Math.min(maxDelayMs, Math.max(0, earlierFailures - freeFailures + 1) * delayMsPerFailure);
}

/**
 * Takes this attempt's points (address, account at address, account) atomically, before any
 * password is checked. Throws RATE_LIMITED when the address or the account-at-address is used
 * up; otherwise returns how long to wait before checking (the account-wide slowdown).
 */
export async function takeSignInAttempt(email: string, address: string): Promise<{ delayMs: number }> {
  const limiter = limiters();
  await consumeOrRefuse(limiter.address, address);
  await consumeOrRefuse(limiter.accountAtAddress, accountAtAddressKey(email, address));
  const attempts = await limiter.account.consume(email, 1);
  return { delayMs: slowdownMs(attempts.consumedPoints - 1) };
}

/** A successful sign-in gives back its points: the address's one, and the account's counts. */
export async function settleSuccessfulSignIn(email: string, address: string): Promise<void> {
  const limiter = limiters();
  await Promise.all([limiter.address.reward(address, 1), limiter.accountAtAddress.delete(accountAtAddressKey(email, address)), limiter.account.delete(email)]);
}
