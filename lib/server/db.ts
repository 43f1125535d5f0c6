import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { clientWithDeadline } from "./database-deadline";
import { captureStatements } from "./sql-capture";
import { writeStatementNamer } from "./write-statement-names";
import { PrismaClient } from "../generated/prisma/client";
import { getDatabaseEnv, getReplicaEnv } from "./env";

export type TDatabase = PrismaClient;

export type TDatabaseOptions = {
  url: string;
  poolSize?: number;
  /** Name shown in pg_stat_activity, to tell app processes, scripts and tests apart. */
  applicationName?: string;
  /** How long a query may wait for a free connection, a new connection included. */
  connectionTimeoutMillis?: number;
  /** The server's statement_timeout for these connections. */
  statementTimeoutMillis?: number;
  /** How long the app waits for any one answer before closing the connection (database-deadline.ts); none by default. */
  queryTimeoutMillis?: number;
  /**
   * Send the statements of write transactions as named prepared statements (decision 044). Only
   * on a PostgreSQL server: the embedded database is one session shared by every connection, so
   * two connections preparing the same name clash there (decision 003). Off by default.
   */
  preparesWriteStatements?: boolean;
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
  queryTimeoutMillis,
  preparesWriteStatements = false,
}: TDatabaseOptions): TDatabase {
  const pool = new pg.Pool({
    ...(queryTimeoutMillis ? { Client: clientWithDeadline(queryTimeoutMillis) } : {}),
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
  const database = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true, ...(preparesWriteStatements ? { statementNameGenerator: writeStatementNamer() } : {}) }) });
  Object.defineProperty(database, POOL, { value: pool });
  return database;
}

/** The pg pool under a client, for the few libraries that speak to PostgreSQL themselves (rate limits). */
export function poolOf(database: TDatabase): pg.Pool {
  const pool = (database as unknown as Record<symbol, pg.Pool | undefined>)[POOL];
  if (!pool) throw new Error("this database client was not made by createDatabase()");
  return pool;
}

const globalForDatabase = globalThis as unknown as { pactwatchDatabase?: TDatabase; pactwatchReplica?: TDatabase | null };

/** The app's one database client, created on first use (so `next build` needs no database). */
export function getDatabase(): TDatabase {
  if (!globalForDatabase.pactwatchDatabase) {
    const env = getDatabaseEnv();
    globalForDatabase.pactwatchDatabase = createDatabase({
      url: env.DATABASE_URL,
      poolSize: env.DATABASE_POOL_SIZE,
      connectionTimeoutMillis: env.DATABASE_CONNECTION_TIMEOUT_MS,
      statementTimeoutMillis: env.DATABASE_STATEMENT_TIMEOUT_MS,
      queryTimeoutMillis: env.DATABASE_QUERY_TIMEOUT_MS,
      preparesWriteStatements: env.DATABASE_PREPARED_STATEMENTS,
      applicationName: "pactwatch-app",
    });
  }
  return globalForDatabase.pactwatchDatabase;
}

/** Replaces the app's database client: for tests and scripts that bring their own. */
export function setDatabase(database: TDatabase | undefined): void {
  globalForDatabase.pactwatchDatabase = database;
}

/**
 * The client on DATABASE_REPLICA_URL, or undefined when no replica is configured. Only
 * lib/server/read-database.ts decides who reads from it (docs/decisions/019).
 */
export function getReplicaDatabase(): TDatabase | undefined {
  if (globalForDatabase.pactwatchReplica === undefined) {
    const url = getReplicaEnv().DATABASE_REPLICA_URL;
    const env = url ? getDatabaseEnv() : undefined;
    globalForDatabase.pactwatchReplica =
      url && env
        ? createDatabase({ url, poolSize: env.DATABASE_POOL_SIZE, connectionTimeoutMillis: env.DATABASE_CONNECTION_TIMEOUT_MS, applicationName: "pactwatch-app-replica" })
        : null;
  }
  return globalForDatabase.pactwatchReplica ?? undefined;
}

/** Replaces the replica client (null: none): for tests. */
export function setReplicaDatabase(database: TDatabase | null | undefined): void {
  globalForDatabase.pactwatchReplica = database;
}
