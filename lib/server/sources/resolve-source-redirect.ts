import "server-only";
import { isRecordId } from "../../schemas/record-id";
import { getDatabase } from "../db";
import { AppError } from "../errors";
import { assertCan, type TActor } from "../permissions";

// Merges only ever point at a source that was live when merged, so chains are short; the bound
// guards against a loop written by hand in the database.
const MAX_HOPS = 20;

/**
 * Where a source's public page and API address lead: `{ redirectTo: null }` for a source of its
 * own, else the id of the source it was (perhaps in several steps) merged into. NOT_FOUND when no
 * source has the id. Callers answer a redirect with a temporary (307) status: a merge can be undone.
 */
export async function resolveSourceRedirect(actor: TActor, id: string): Promise<{ id: string; redirectTo: string | null }> {
  assertCan(actor, "published:read");
  if (!isRecordId(id)) throw new AppError("NOT_FOUND", "There is no such source.");
  const database = getDatabase();
  let current = await database.source.findUnique({ where: { id }, select: { id: true, mergedIntoId: true } });
  if (!current) throw new AppError("NOT_FOUND", "There is no such source.");
  const seen = new Set([current.id]);
  for (let hop = 0; current.mergedIntoId && hop < MAX_HOPS; hop++) {
    const next: { id: string; mergedIntoId: string | null } | null = await database.source.findUnique({
      where: { id: current.mergedIntoId },
      select: { id: true, mergedIntoId: true },
    });
    if (!next || seen.has(next.id)) break;
    seen.add(next.id);
    current = next;
  }
  return { id, redirectTo: current.id === id ? null : current.id };
}
