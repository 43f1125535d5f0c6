import "server-only";
import type { TGradeSource } from "../../schemas/admin-source";
import { recordAuditEvent } from "../audit/record-audit-event";
import { assertSignedInCan, type TActor } from "../permissions";
import { runWriteTransaction } from "../write-transaction";
import { SOURCE_RECORD_SELECT, assertNotMerged, lockSource, sourceConflict } from "./source-record";

/** Grades a source's reliability on the Admiralty scale (A … F) with the reason why. */
export async function gradeSource(actor: TActor, input: TGradeSource) {
  assertSignedInCan(actor, "source:grade");
  return runWriteTransaction(async (tx) => {
    const before = await lockSource(tx, input.id);
    assertNotMerged(before);
    if (before.version !== input.version) throw await sourceConflict(tx, before);
    const after = await tx.source.update({
      where: { id: before.id },
      data: { reliability: input.reliability, reliabilityNote: input.reliabilityNote, version: { increment: 1 } },
      select: SOURCE_RECORD_SELECT,
    });
    await recordAuditEvent(tx, actor, {
      action: "source:grade",
      entityType: "Source",
      entityId: after.id,
      before: { reliability: before.reliability, reliabilityNote: before.reliabilityNote, version: before.version },
      after: { reliability: after.reliability, reliabilityNote: after.reliabilityNote, version: after.version },
    });
    return { id: after.id, version: after.version, reliability: after.reliability };
  });
}
