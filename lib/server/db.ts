import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { captureStatements } from "./sql-capture";
import { PrismaClient } from "../generated/prisma/client";
import { getDatabaseEnv } from "./env";

export type TDatabase = PrismaClient;

export type TDatabaseOptions = {
  url: string;
  poolSize?: number;
  /** Name shown in pg_stat_activity, to tell app processes, scripts and tests apart. */
  applicationName?: string;
  /** How long a query may wait for a free connection. */
  connectionTimeoutMillis?: number;
  /** How long one statement may run before the server cancels it. */
  statementTimeoutMillis?: number;
};

// A global symbol, not a module-level WeakMap: Next.js may load this module more than once,
// and the client cached on globalThis must still lead to its pool.
const POOL = Symbol.for("pactwatch.database-pool");

/** Creates a Prisma client on adapter-pg over its own pool; scripts and tests use this, the app uses getDatabase(). */
export function createDatabase({
  url,
  poolSize = 10,
  applicationName = "pactwatch",
  connectionTimeoutMillis = 10_000,
  statementTimeoutMillis = 30_000,
}: TDatabaseOptions): TDatabase {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis,
    idleTimeoutMillis: 30_000,
    application_name: applicationName,
    // A runaway query must not hold a connection (and, embedded, the whole database) forever.
    statement_timeout: statementTimeoutMillis,
    // JIT compilation costs 30–50 ms on our short, index-backed reads at a million rows and
    // never pays back (docs/decisions/007). PGlite ignores the option.
    options: "-c jit=off",
  });
  pool.on("error", (error: Error & { code?: string }) => {
    // 57P01: the server ended an idle connection (shutdown, or its database was dropped).
    if (error.code !== "57P01") console.error(`database pool error: ${error.message}`);
  });
  // Off unless PACTWATCH_SQL_CAPTURE names a file: the benchmark records the app's SQL there (bench/).
  if (process.env.PACTWATCH_SQL_CAPTURE) captureStatements(pool, process.env.PACTWATCH_SQL_CAPTURE);
  const database = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  Object.defineProperty(database, POOL, { value: pool });
  return database;
}

/** The pg pool under a client, for the few libraries that speak to PostgreSQL themselves (rate limits). */
export function poolOf(database: TDatabase): pg.Pool {
  const pool = (database as unknown as Record<symbol, pg.Pool | undefined>)[POOL];
  if (!pool) throw new Error("this database client was not made by createDatabase()");
  return pool;
}

const globalForDatabase = globalThis as unknown as { pactwatchDatabase?: TDatabase };

/** The app's one database client, created on first use (so `next build` needs no database). */
export function getDatabase(): TDatabase {
  if (!globalForDatabase.pactwatchDatabase) {
    const env = getDatabaseEnv();
    globalForDatabase.pactwatchDatabase = createDatabase({
      url: env.DATABASE_URL,
      poolSize: env.DATABASE_POOL_SIZE,
      connectionTimeoutMillis: env.DATABASE_CONNECTION_TIMEOUT_MS,
      applicationName: "pactwatch-app",
    });
  }
  return globalForDatabase.pactwatchDatabase;
}

/** Replaces the app's database client: for tests and scripts that bring their own. */
export function setDatabase(database: TDatabase | undefined): void {
  globalForDatabase.pactwatchDatabase = database;
}
