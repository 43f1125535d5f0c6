import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { createHash } from "node:crypto";

// Decision 044. PostgreSQL parses, analyses and plans an unnamed statement on every execution;
// a named prepared statement is parsed once per connection, and after five executions its plan
// may be kept. Inside write transactions, whose statements look rows up by key, that took
// PostgreSQL's CPU per publish from about 7.5 ms to 5.9 ms (BENCHMARKS.md, 6 December). Reads
// stay unnamed: a search's best plan depends on its words, and a kept generic plan would not.

const inWriteTransaction = new AsyncLocalStorage<true>();

/** Distinct statements named per process: each is prepared on every connection that runs it. */
export const MAX_NAMED_STATEMENTS = 256;
/** Longer statements (bulk VALUES lists of imports and seeds) are rarely run twice alike. */
export const MAX_NAMED_STATEMENT_LENGTH = 8_000;

/** Runs `work` (a write transaction) so that the statements it sends are named. */
export function namingWriteStatements<T>(work: () => Promise<T>): Promise<T> {
  return inWriteTransaction.run(true, work);
}

/**
 * adapter-pg's statementNameGenerator: a name derived from the text for a statement sent inside
 * namingWriteStatements, "" (unnamed, as pg reads it) for every other, and for any statement once
 * MAX_NAMED_STATEMENTS distinct ones have been named, so no connection holds more than that.
 */
export function writeStatementNamer(): (query: { sql: string }) => string {
  const names = new Map<string, string>();
  return ({ sql }) => {
    if (!inWriteTransaction.getStore()) return "";
    const known = names.get(sql);
    if (known !== undefined) return known;
    if (names.size >= MAX_NAMED_STATEMENTS || sql.length > MAX_NAMED_STATEMENT_LENGTH) return "";
    const name = `pw_${createHash("sha256").update(sql).digest("hex").slice(0, 32)}`;
    names.set(sql, name);
    return name;
  };
}
