import "server-only";
import { isDatabaseUnavailable } from "../database-unavailable";

const PAUSE_MS = 1_000;

/**
 * Runs the write that records a message as sent, again and again while the database is away,
 * for as long as this attempt runs (decision 039). The message has already left (SMTP accepted
 * it, the webhook answered 2xx): failing here would fail the job, and its retry would send it a
 * second time. While the database is down nothing can expire the job (pg-boss expires jobs only
 * through SQL), and the attempt's sending lease keeps a retry from sending until it is stale; so
 * recording the moment the database answers again is always better than giving up.
 */
export async function recordWhenBack<T>(write: () => Promise<T>, sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))): Promise<T> {
  for (;;) {
    try {
      return await write();
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      await sleep(PAUSE_MS);
    }
  }
}
