import "server-only";
import type { TRetireSource } from "../../schemas/admin-source";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors";
import { assertSignedInCan, type TActor } from "../permissions";
import { runWriteTransaction } from "../write-transaction";
import { SOURCE_RECORD_SELECT, assertNotMerged, lockSource, sourceConflict } from "./source-record";

/**
 * Retires a source that is wrong or gone, with the reason: nothing is deleted, existing citations
 * stay (and show it as retired), and assertSourceCitable refuses new ones.
 */
export async function retireSource(actor: TActor, input: TRetireSource) {
  assertSignedInCan(actor, "source:retire");
  return runWriteTransaction(async (tx) => {
    const before = await lockSource(tx, input.id);
    assertNotMerged(before);
    if (before.version !== input.version) throw await sourceConflict(tx, before);
    if (before.retiredAt) throw new AppError("CONFLICT", "This source is already retired.");
    const after = await tx.source.update({
      where: { id: before.id },
      data: { retiredAt: new Date(), retiredReason: input.reason, version: { increment: 1 } },
      select: SOURCE_RECORD_SELECT,
    });
    await recordAuditEvent(tx, actor, {
      action: "source:retire",
      entityType: "Source",
      entityId: after.id,
      before: { retiredAt: null, retiredReason: before.retiredReason, version: before.version },
      after: { retiredAt: after.retiredAt, retiredReason: after.retiredReason, version: after.version },
    });
    return { id: after.id, version: after.version, retiredAt: after.retiredAt };
  });
}
