import "server-only";
import type { TJudgeCorroboration } from "../../schemas/status-change";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors";
import { assertSignedInCan, type TActor } from "../permissions";
import { recordRevision } from "../revisions/record-revision";
import { runWriteTransaction } from "../write-transaction";
import { statusChangeConflict } from "./conflict";
import { STATUS_CHANGE_RECORD_SELECT, lockStatusChange, snapshotOf, subjectOf } from "./status-change-record";

/**
 * Records an analyst's judgment of a published development's corroboration: a level (the
 * rule's, accepted, or another) with the reason readers see, or none, to leave the rule's level
 * alone. An edit of the entry: at the version the analyst saw (CONFLICT when stale), with its
 * revision and audit event.
 */
export async function judgeCorroboration(actor: TActor, input: TJudgeCorroboration) {
  assertSignedInCan(actor, "status-change:edit");
  return runWriteTransaction(async (tx) => {
    const before = await lockStatusChange(tx, input.id);
    if (before.state !== "PUBLISHED") throw new AppError("CONFLICT", "Only published entries carry a corroboration level.");
    if (before.version !== input.version) {
      throw await statusChangeConflict(tx, before, "Someone saved this entry after you opened it: read their version before judging it.");
    }
    const { count } = await tx.statusChange.updateMany({
      where: { id: before.id, version: before.version, state: "PUBLISHED" },
      data: { corroborationLevel: input.level, corroborationReason: input.level ? input.reason : null, version: { increment: 1 } },
    });
    if (count !== 1) throw await statusChangeConflict(tx, await lockStatusChange(tx, before.id));
    const after = await tx.statusChange.findUniqueOrThrow({ where: { id: before.id }, select: STATUS_CHANGE_RECORD_SELECT });
    const snapshot = snapshotOf(after);
    await recordAuditEvent(tx, actor, { action: "status-change:corroboration", entityType: "StatusChange", entityId: after.id, before: snapshotOf(before), after: snapshot });
    await recordRevision(tx, actor, { entityType: "StatusChange", entityId: after.id, version: after.version, snapshot });
    const subject = subjectOf(after);
    return { id: after.id, state: after.state, version: after.version, subject: { kind: subject.kind, slug: subject.slug } };
  });
}
