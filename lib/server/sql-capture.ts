import fs from "node:fs";
import type pg from "pg";

// The benchmark's floor server and pgbench run the very SQL the app issues (bench/README in
// BENCHMARKS.md): with PACTWATCH_SQL_CAPTURE=<file> every statement sent on the pool's
// connections is appended there as one JSON line, with its parameters, until the process receives
// SIGUSR2 (the bench then measures the same process without the cost of capturing). Never set in production.

let capturing = true;

function jsonValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return `\\x${value.toString("hex")}`;
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(jsonValue);
  return value;
}

/** Appends every statement run on the pool's clients to `file` as {"sql", "values"} JSON lines. */
export function captureStatements(pool: pg.Pool, file: string): void {
  process.once("SIGUSR2", () => (capturing = false));
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      if (!capturing) return query(...args);
      const [first, second] = args;
      const config = typeof first === "string" ? { text: first, values: Array.isArray(second) ? second : [] } : (first as { text?: string; values?: unknown[] });
      if (config && typeof config.text === "string") {
        fs.appendFileSync(file, `${JSON.stringify({ sql: config.text, values: (config.values ?? []).map(jsonValue) })}\n`);
      }
      return query(...args);
    };
  });
}
