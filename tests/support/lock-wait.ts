import type { TTransaction } from "../../lib/server/write-transaction";

/**
 * Inside a transaction: waits until another backend of this database is blocked on a lock this
 * transaction holds (pg_blocking_pids reads pg_locks), so a race runs in the order a test names
 * instead of the order sleeps hope for. Asks through `tx`, so it needs no second connection.
 */
export async function waitUntilAnotherBackendWaitsOnMe(
  tx: TTransaction,
  { timeoutMs = 20_000, other }: { timeoutMs?: number; other?: Promise<unknown> } = {},
): Promise<void> {
  // If the other side ends without ever waiting (it failed, say to connect), stop: the test then
  // reports its real outcome instead of this timeout.
  let isOtherDone = false;
  other?.then(() => (isOtherDone = true), () => (isOtherDone = true));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (isOtherDone) return;
    const [row] = await tx.$queryRaw<{ waiting: number }[]>`
      SELECT count(*)::int AS waiting FROM pg_stat_activity
      WHERE datname = current_database() AND pg_backend_pid() = ANY (pg_blocking_pids(pid))`;
    if (row && row.waiting > 0) return;
    if (Date.now() > deadline) throw new Error(`no other backend waited on this transaction's locks within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
