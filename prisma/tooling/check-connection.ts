import pg from "pg";

// Reaching PostgreSQL, and saying plainly why not: every command and the launcher go through
// here first, so a stopped server is reported with its address and the fix, never a stack trace.

/** Raised when PostgreSQL cannot be reached; the message says what to check. */
export class DatabaseUnreachableError extends Error {
  override name = "DatabaseUnreachableError";
}

/** Raised when the server answers but the database named in the URL does not exist. */
export class DatabaseMissingError extends Error {
  override name = "DatabaseMissingError";
}

/** Connects once, so that a stopped server is reported plainly before the engine gets involved. */
export async function assertReachable(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const where = hostAndPort(databaseUrl);
    if (pgCode(error) === "3D000") {
      const message = `database "${databaseName(databaseUrl)}" does not exist on ${where}: \`npm run db:migrate\` creates it, or fix DATABASE_URL`;
      throw new DatabaseMissingError(message, { cause: error });
    }
    const message = `cannot reach PostgreSQL at ${where} (${causeOf(error)}): is it running? ` +
      `set DATABASE_URL to a reachable server, or unset it to use the embedded database`;
    throw new DatabaseUnreachableError(message, { cause: error });
  } finally {
    await client.end().catch(() => {});
  }
}

/** As `prisma migrate deploy` does, creates the target database when the server lacks it. */
export async function ensureDatabaseExists(databaseUrl: string, report: (message: string) => void): Promise<void> {
  try {
    return await assertReachable(databaseUrl);
  } catch (error) {
    if (!(error instanceof DatabaseMissingError)) throw error;
  }
  const name = databaseName(databaseUrl);
  const serverUrl = new URL(databaseUrl);
  serverUrl.pathname = "/postgres";
  const client = new pg.Client({ connectionString: serverUrl.toString(), connectionTimeoutMillis: 5_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
    report(`created database ${name} on ${hostAndPort(databaseUrl)}`);
  } catch (error) {
    const message = `database "${name}" does not exist and could not be created (${causeOf(error)}): create it, or fix DATABASE_URL`;
    throw new Error(message, { cause: error });
  } finally {
    await client.end().catch(() => {});
  }
}

export function hostAndPort(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname || "localhost"}:${url.port || "5432"}`;
  } catch {
    return "(DATABASE_URL is not a valid URL)";
  }
}

function databaseName(databaseUrl: string): string {
  return decodeURIComponent(new URL(databaseUrl).pathname.slice(1)) || "postgres";
}

function pgCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String(error.code) : undefined;
}

function causeOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return causeOf(error.errors[0]);
  const code = pgCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code === "ECONNREFUSED") return "connection refused";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "host not found";
  if (code === "ETIMEDOUT" || /timeout/i.test(message)) return "timed out";
  return message || code || "unknown error";
}
