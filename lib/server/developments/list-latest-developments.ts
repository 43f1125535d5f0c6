import "server-only";
import type { TReaderEntry } from "../history-sql";
import type { TActor } from "../permissions";
import { listPublishedChanges } from "../status-changes/list-published-changes";
import type { TAsOf } from "../as-of-sql";

/**
 * The most recent published developments by when they happened, across all subjects, with their
 * citations; a scheduled change says whether it is still pending or was cancelled.
 */
export async function listLatestDevelopments(actor: TActor, { limit = 12, now = new Date(), asOf }: { limit?: number; now?: Date; asOf?: TAsOf } = {}): Promise<TReaderEntry[]> {
  if (asOf) now = asOf.instant;
  const page = await listPublishedChanges(actor, { order: "occurred", state: "published" }, { limit, now, occurredBy: now, asOf });
  return page.entries;
}
