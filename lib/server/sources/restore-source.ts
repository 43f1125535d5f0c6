import "server-only";
import type { TRestoreSource } from "../../schemas/admin-source";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors";
import { assertSignedInCan, type TActor } from "../permissions";
import { runWriteTransaction } from "../write-transaction";
import { SOURCE_RECORD_SELECT, assertNotMerged, lockSource, sourceConflict } from "./source-record";

/** Returns a retired source to the registry: it can be cited again. The retirement stays in the audit log. */
export async function restoreSource(actor: TActor, input: TRestoreSource) {
  assertSignedInCan(actor, "source:retire");
  return runWriteTransaction(async (tx) => {
    const before = await lockSource(tx, input.id);
    assertNotMerged(before);
    if (before.version !== input.version) throw await sourceConflict(tx, before);
    if (!before.retiredAt) throw new AppError("CONFLICT", "This source is not retired.");
    const after = await tx.source.update({
      where: { id: before.id },
      data: { retiredAt: null, retiredReason: null, version: { increment: 1 } },
      select: SOURCE_RECORD_SELECT,
    });
    await recordAuditEvent(tx, actor, {
      action: "source:restore",
      entityType: "Source",
      entityId: after.id,
      before: { retiredAt: before.retiredAt, retiredReason: before.retiredReason, version: before.version },
      after: { retiredAt: null, retiredReason: null, version: after.version },
    });
    return { id: after.id, version: after.version };
  });
}
