import "server-only";
import type { RateLimiterPostgres } from "rate-limiter-flexible";
import { consumeOrRefuse, postgresLimiter } from "../rate-limits/postgres-limiter";

// Sign-in attempts are counted in PostgreSQL (table "RateLimit", lib/server/rate-limits/), so every
// app process shares the counts, and each attempt takes its point with one atomic statement BEFORE the password is
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

function limiters(): TLimiters {
  const { accountAtAddress, address, accountSlowdown } = SIGN_IN_LIMITS;
  return {
    accountAtAddress: postgresLimiter({ keyPrefix: "sign-in:account-address", ...accountAtAddress }),
    address: postgresLimiter({ keyPrefix: "sign-in:address", ...address }),
    // A counter, not a limit: it never refuses.
    account: postgresLimiter({ keyPrefix: "sign-in:account", points: 1_000_000, duration: accountSlowdown.duration }),
  };
}

const tooMany = (seconds: number) => `Too many failed sign-ins. Try again in ${seconds} s.`;

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
  await consumeOrRefuse(limiter.address, address, tooMany);
  await consumeOrRefuse(limiter.accountAtAddress, accountAtAddressKey(email, address), tooMany);
  const attempts = await limiter.account.consume(email, 1);
  return { delayMs: slowdownMs(attempts.consumedPoints - 1) };
}

/** A successful sign-in gives back its points: the address's one, and the account's counts. */
export async function settleSuccessfulSignIn(email: string, address: string): Promise<void> {
  const limiter = limiters();
  await Promise.all([limiter.address.reward(address, 1), limiter.accountAtAddress.delete(accountAtAddressKey(email, address)), limiter.account.delete(email)]);
}
