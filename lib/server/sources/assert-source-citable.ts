import "server-only";
import { AppError } from "../errors";
import type { TTransaction } from "../write-transaction";
import { lockSource } from "./source-record";

/**
 * Inside the caller's write transaction, before it writes a new citation: refuses a retired
 * source or a merged duplicate (CONFLICT, with details.reason "retired" or "merged" and, for a
 * merge, details.mergedIntoId to cite instead). It holds a share lock on the source until the
 * transaction ends, so a merge or retirement running at the same moment waits for the citation
 * and then takes it along, rather than missing it.
 */
export async function assertSourceCitable(tx: TTransaction, sourceId: string): Promise<{ id: string; title: string }> {
  const source = await lockSource(tx, sourceId, "share");
  if (source.mergedIntoId) {
    throw new AppError("CONFLICT", `“${source.title}” was merged into another source: cite that one instead.`, {}, {
      reason: "merged",
      sourceId: source.id,
      mergedIntoId: source.mergedIntoId,
    });
  }
  if (source.retiredAt) {
    throw new AppError(
      "CONFLICT",
      `“${source.title}” was retired by an administrator${source.retiredReason ? ` (${source.retiredReason})` : ""}: cite another source.`,
      {},
      { reason: "retired", sourceId: source.id, retiredReason: source.retiredReason },
    );
  }
  return { id: source.id, title: source.title };
}
