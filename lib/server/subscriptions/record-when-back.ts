import "server-only";
import { isDatabaseUnavailable } from "../database-unavailable";
import { getDeliveryEnv } from "../env";

const PAUSE_MS = 1_000;

/**
 * Runs the write that records a message as sent, again and again while the database is away.
 * The message has already left (SMTP accepted it, the webhook answered 2xx): failing here would
 * fail the job, and its retry would send it a second time. It keeps trying for half the job's
 * expiry, so that the queue does not hand the same job to another worker meanwhile; after that
 * it gives up and the job's retry is the fallback (the resend decision 028 allows).
 */
export async function recordWhenBack<T>(write: () => Promise<T>, sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))): Promise<T> {
  const deadline = Date.now() + (getDeliveryEnv().DELIVERY_JOB_EXPIRY_SECONDS * 1000) / 2;
  for (;;) {
    try {
      return await write();
    } catch (error) {
      if (!isDatabaseUnavailable(error) || Date.now() + PAUSE_MS > deadline) throw error;
      await sleep(PAUSE_MS);
    }
  }
}
