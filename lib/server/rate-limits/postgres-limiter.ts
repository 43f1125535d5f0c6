import "server-only";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { getDatabase, poolOf, type TDatabase } from "../db";
import { AppError } from "../errors";

// Every rate limit of the app (sign-in, searches, exports, API writes) is a rate-limiter-flexible
// counter in PostgreSQL (table "RateLimit"), so all app processes on one database share the
// counts, and each request takes its point with one atomic INSERT … ON CONFLICT … RETURNING
// before the work it guards: parallel requests cannot all slip in under the limit (decision 014).

/** A limiter's rule: `points` per `duration` seconds for each key, counted under `keyPrefix`. */
export type TLimiterRule = { keyPrefix: string; points: number; duration: number };

const limitersByDatabase = new WeakMap<TDatabase, Map<string, RateLimiterPostgres>>();

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

/** The limiter for a rule on the app's database (one per rule and database client, made on first use). */
export function postgresLimiter(rule: TLimiterRule): RateLimiterPostgres {
  const database = getDatabase();
  let limiters = limitersByDatabase.get(database);
  if (!limiters) limitersByDatabase.set(database, (limiters = new Map()));
  const name = `${rule.keyPrefix}|${rule.points}|${rule.duration}`;
  let limiter = limiters.get(name);
  if (!limiter) {
    limiter = new RateLimiterPostgres({
      storeClient: unnamedStatements(database),
      storeType: "pool",
      tableName: "RateLimit",
      tableCreated: true,
      keyPrefix: rule.keyPrefix,
      points: rule.points,
      duration: rule.duration,
    });
    limiters.set(name, limiter);
  }
  return limiter;
}

/** Whole seconds until a refused client may try again (at least 1): the Retry-After of the answer. */
export function retryAfterSeconds(msBeforeNext: number): number {
  return Math.max(1, Math.ceil(msBeforeNext / 1000));
}

/** A RATE_LIMITED refusal whose details carry retryAfterSeconds (each transport turns it into Retry-After). */
export function rateLimited(message: (seconds: number) => string, msBeforeNext: number): AppError {
  const seconds = retryAfterSeconds(msBeforeNext);
  return new AppError("RATE_LIMITED", message(seconds), {}, { retryAfterSeconds: seconds });
}

/** Takes one point for `key`, or throws RATE_LIMITED ("… Try again in N s.") when its points are used up. */
export async function consumeOrRefuse(limiter: RateLimiterPostgres, key: string, message: (seconds: number) => string): Promise<void> {
  try {
    await limiter.consume(key, 1);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw rateLimited(message, error.msBeforeNext);
    throw error;
  }
}
