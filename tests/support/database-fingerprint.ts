import type { TDatabase } from "../../lib/server/db";

/**
 * A digest of every row of every table (rate-limit counters aside): equal before and after a
 * refused call proves that nothing was written.
 */
export async function databaseFingerprint(db: TDatabase): Promise<Record<string, string>> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT tablename AS name FROM pg_tables
     WHERE schemaname = 'public' AND tablename NOT IN ('RateLimit', '_prisma_migrations')
     ORDER BY tablename`;
  const fingerprint: Record<string, string> = {};
  for (const { name } of tables) {
    const quoted = `"${name.replaceAll('"', '""')}"`;
    const [row] = await db.$queryRawUnsafe<{ digest: string }[]>(
      `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ${quoted} t`,
    );
    fingerprint[name] = row?.digest ?? "";
  }
  return fingerprint;
}
