import pg from "pg";
import type { TTransaction } from "../../lib/server/write-transaction";

/**
 * Inside a transaction: waits until another backend of this database is blocked on a lock this
 * transaction holds (pg_blocking_pids reads pg_locks), so a race runs in the order a test names
 * instead of the order sleeps hope for. It watches from a plain connection of its own: polling
 * through `tx` kept Prisma's client busy with this transaction, and the other side's
 * transaction never got to start.
 */
export async function waitUntilAnotherBackendWaitsOnMe(
  tx: TTransaction,
  { url, timeoutMs = 20_000, other }: { url: string; timeoutMs?: number; other?: Promise<unknown> },
): Promise<void> {
  // If the other side ends without ever waiting (it failed, say to connect), stop: the test then
  // reports its real outcome instead of this timeout.
  let isOtherDone = false;
  other?.then(() => (isOtherDone = true), () => (isOtherDone = true));
  const [mine] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
  const watcher = new pg.Client({ connectionString: url });
  await watcher.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (isOtherDone) return;
      const { rows } = await watcher.query<{ waiting: number }>(
        "SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE $1::int = ANY (pg_blocking_pids(pid))",
        [mine!.pid],
      );
      if ((rows[0]?.waiting ?? 0) > 0) return;
      if (Date.now() > deadline) throw new Error(`no other backend waited on this transaction's locks within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    await watcher.end();
  }
}
