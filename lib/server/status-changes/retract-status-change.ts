import "server-only";
import { enqueueDevelopment } from "../subscriptions/enqueue-development";
import type { TRetractStatusChange } from "../../schemas/status-change";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors";
import { assertSignedInCan, type TActor } from "../permissions";
import { recordRevision } from "../revisions/record-revision";
import { runWriteTransaction } from "../write-transaction";
import { statusChangeConflict } from "./conflict";
import { STATUS_CHANGE_RECORD_SELECT, lockStatusChange, snapshotOf, subjectOf } from "./status-change-record";

/**
 * Retracts a published entry (admins): it stays in the history marked "retracted on … by …
 * because …" and stops counting for the current status. Nothing is deleted.
 */
export async function retractStatusChange(actor: TActor, input: TRetractStatusChange) {
  assertSignedInCan(actor, "status-change:retract");
  return runWriteTransaction(async (tx) => {
    const before = await lockStatusChange(tx, input.id);
    if (before.state === "DRAFT") {
      throw new AppError("CONFLICT", "Only published entries can be retracted: a draft was never public.");
    }
    if (before.state === "RETRACTED") throw await statusChangeConflict(tx, before, "This entry was already retracted.");
    if (before.version !== input.version) {
      throw await statusChangeConflict(tx, before, "Someone saved this entry after you opened it: read their version before retracting it.");
    }
    const { count } = await tx.statusChange.updateMany({
      where: { id: before.id, version: before.version, state: "PUBLISHED" },
      data: {
        state: "RETRACTED",
        retractedAt: new Date(),
        retractedById: actor.id,
        retractionReason: input.reason,
        version: { increment: 1 },
      },
    });
    if (count !== 1) throw await statusChangeConflict(tx, await lockStatusChange(tx, before.id));
    const after = await tx.statusChange.findUniqueOrThrow({ where: { id: before.id }, select: STATUS_CHANGE_RECORD_SELECT });
    const snapshot = snapshotOf(after);
    await recordAuditEvent(tx, actor, {
      action: "status-change:retract",
      entityType: "StatusChange",
      entityId: after.id,
      before: snapshotOf(before),
      after: snapshot,
    });
    const why = { kind: "RETRACTION" as const, correctionType: null, reason: input.reason };
    await recordRevision(tx, actor, { entityType: "StatusChange", entityId: after.id, version: after.version, snapshot, why });
    await enqueueDevelopment(tx, after.id, "RETRACTED");
    const subject = subjectOf(after);
    return { id: after.id, state: after.state, version: after.version, subject: { kind: subject.kind, slug: subject.slug } };
  });
}
