import pg from "pg";

/** Describes a PostgreSQL URL without its password, for messages. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

/**
 * Connects once and runs `select 1`; throws an Error whose message names the address, the
 * cause and the fix, so callers can print it instead of a stack trace.
 */
export async function checkConnection(url: string, { timeoutMs = 10_000 } = {}): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    const cause = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new Error(
      `cannot reach PostgreSQL at ${describeDatabaseUrl(url)} (${cause}): is it running? ` +
        `set DATABASE_URL to a reachable server, or unset it to use the embedded database`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}
