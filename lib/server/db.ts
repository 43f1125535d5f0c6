import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { getDatabaseEnv } from "./env";

export type TDatabase = PrismaClient;

export type TDatabaseOptions = {
  url: string;
  poolSize?: number;
  /** Name shown in pg_stat_activity, to tell app processes, scripts and tests apart. */
  applicationName?: string;
};

/** Creates a Prisma client on adapter-pg; scripts and tests use this, the app uses `db`. */
export function createDatabase({ url, poolSize = 10, applicationName = "pactwatch" }: TDatabaseOptions): TDatabase {
  const adapter = new PrismaPg(
    {
      connectionString: url,
      max: poolSize,
      connectionTimeoutMillis: 10_000,
      idleTimeoutMillis: 30_000,
      application_name: applicationName,
      // A runaway query must not hold a connection (and, embedded, the whole database) forever.
      statement_timeout: 30_000,
    },
    { onPoolError: (error) => console.error(`database pool error: ${error.message}`) },
  );
  return new PrismaClient({ adapter });
}

const globalForDatabase = globalThis as unknown as { pactwatchDatabase?: TDatabase };

/** The app's one database client, created on first use (so `next build` needs no database). */
export function getDatabase(): TDatabase {
  if (!globalForDatabase.pactwatchDatabase) {
    const env = getDatabaseEnv();
    globalForDatabase.pactwatchDatabase = createDatabase({
      url: env.DATABASE_URL,
      poolSize: env.DATABASE_POOL_SIZE,
      applicationName: "pactwatch-app",
    });
  }
  return globalForDatabase.pactwatchDatabase;
}

/** Replaces the app's database client: for tests and scripts that bring their own. */
export function setDatabase(database: TDatabase | undefined): void {
  globalForDatabase.pactwatchDatabase = database;
}
