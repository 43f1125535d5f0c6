import "server-only";
import pg from "pg";

/** The app stopped waiting for PostgreSQL's answer to one query and closed that connection. */
export class DatabaseDeadlineError extends Error {
  override name = "DatabaseDeadlineError";
  readonly code = "PACTWATCH_QUERY_DEADLINE";
  constructor(readonly timeoutMs: number) {
    super(`PostgreSQL did not answer within ${timeoutMs} ms, so the app closed the connection`);
  }
}

type TQueryCallback = (error: Error | null, result?: unknown) => void;
type TQuery = (...args: unknown[]) => unknown;

/**
 * A pg Client whose every query has a deadline (the pool's `Client` option). A server that is
 * frozen (SIGSTOP, a hung host) keeps its TCP connections open and never answers, and its own
 * statement_timeout cannot fire, so only the client can stop waiting.
 *
 * pg's own `query_timeout` is not used: it fails the query but leaves the connection open with
 * the statement still running (and, inside a transaction, its ROLLBACK unsent). adapter-pg then
 * hands that connection back to the pool as healthy, and the next caller would run its work
 * inside the abandoned transaction and could commit it. Destroying the socket instead makes pg
 * fail every query on it and the pool drop it; the server rolls the transaction back when it
 * sees the connection gone.
 */
export function clientWithDeadline(timeoutMs: number): typeof pg.Client {
  return class DeadlineClient extends pg.Client {
    // pg's query() has a dozen overloads (promise, callback, submittable); this wraps them all.
    override query(...args: unknown[]): never {
      const query = super.query as unknown as TQuery;
      const [config] = args;
      // Submittables (cursors, streams) run as long as their reader wants: no deadline.
      if (config && typeof (config as { submit?: unknown }).submit === "function") return query.apply(this, args) as never;
      const timer = setTimeout(() => this.abandon(), timeoutMs);
      timer.unref();
      const callback = args.at(-1);
      if (typeof callback === "function") {
        args[args.length - 1] = (error: Error | null, result?: unknown) => {
          clearTimeout(timer);
          (callback as TQueryCallback)(error, result);
        };
        return query.apply(this, args) as never;
      }
      const result = query.apply(this, args) as Promise<unknown>;
      // A second, handled chain only to stop the timer: the caller still gets `result` as is.
      result.then(
        () => clearTimeout(timer),
        () => clearTimeout(timer),
      );
      return result as never;
    }

    private abandon(): void {
      (this as unknown as { connection: { stream: { destroy(error: Error): void } } }).connection.stream.destroy(new DatabaseDeadlineError(timeoutMs));
    }
  };
}
