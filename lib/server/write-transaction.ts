import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { getDatabase, type TDatabase } from "./db";
import { namingWriteStatements } from "./write-statement-names";

export type TTransaction = Prisma.TransactionClient;

// A write waits its turn rather than failing: on the embedded database every transaction runs
// alone, so under a burst of writes (50 publishes at once) the last one may wait for all others.
const WRITE_TRANSACTION_OPTIONS = { maxWait: 60_000, timeout: 60_000 } as const;

export type TWriteTransactionOptions = {
  /** A client of its own (seed commands, tests); default the app's. */
  database?: TDatabase;
  /** How long the work may run, in ms, for the rare long write (loading the demo data). */
  timeout?: number;
};

/**
 * Runs one write use case in one interactive transaction (READ COMMITTED). Inside, use only
 * `tx`: the embedded database serves one transaction at a time, so reaching for the global
 * client there would wait forever (docs/decisions/003-embedded-database.md). The only place
 * that calls `$transaction` (tests/write-transaction-guard.test.ts keeps it so).
 */
export function runWriteTransaction<T>(work: (tx: TTransaction) => Promise<T>, options: TWriteTransactionOptions = {}): Promise<T> {
  const { database = getDatabase(), timeout = WRITE_TRANSACTION_OPTIONS.timeout } = options;
  // Its statements go as named prepared statements where the client allows (decision 044).
  return namingWriteStatements(() => database.$transaction(work, { ...WRITE_TRANSACTION_OPTIONS, timeout }));
}

/**
 * Holds a transaction-scoped advisory lock on (namespace, key) until commit or rollback, so
 * writers that would create the same unique row (a source's link, a slug) queue instead of
 * failing. Callers taking several locks take them in sorted order, so two never deadlock.
 */
export async function lockForTransaction(tx: TTransaction, namespace: string, key: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM pg_advisory_xact_lock(hashtext(${namespace}), hashtext(${key}))`;
}
