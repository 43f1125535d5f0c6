import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { getDatabase } from "./db";

export type TTransaction = Prisma.TransactionClient;

// A write waits its turn rather than failing: on the embedded database every transaction runs
// alone, so under a burst of writes (50 publishes at once) the last one may wait for all others.
const WRITE_TRANSACTION_OPTIONS = { maxWait: 60_000, timeout: 60_000 } as const;

/**
 * Runs one write use case in one interactive transaction (READ COMMITTED). Inside, use only
 * `tx`: the embedded database serves one transaction at a time, so reaching for the global
 * client there would wait forever (docs/decisions/003-embedded-database.md).
 */
export function runWriteTransaction<T>(work: (tx: TTransaction) => Promise<T>): Promise<T> {
  return getDatabase().$transaction(work, WRITE_TRANSACTION_OPTIONS);
}

/**
 * Holds a transaction-scoped advisory lock on (namespace, key) until commit or rollback, so
 * writers that would create the same unique row (a source's link, a slug) queue instead of
 * failing. Callers taking several locks take them in sorted order, so two never deadlock.
 */
export async function lockForTransaction(tx: TTransaction, namespace: string, key: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM pg_advisory_xact_lock(hashtext(${namespace}), hashtext(${key}))`;
}
