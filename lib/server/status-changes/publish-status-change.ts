import "server-only";
import { enqueueDevelopment } from "../subscriptions/enqueue-development";
import { CITATION_REQUIRED_MESSAGE, type TPublishStatusChange } from "../../schemas/status-change";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors";
import { assertSignedInCan, type TActor } from "../permissions";
import { recordRevision } from "../revisions/record-revision";
import { runWriteTransaction } from "../write-transaction";
import { assertCancellable, assertMayChangeDraft } from "./check-development";
import { statusChangeConflict } from "./conflict";
import { STATUS_CHANGE_RECORD_SELECT, lockStatusChange, snapshotOf, subjectOf } from "./status-change-record";

/** Publishes a draft as it stands: it must cite at least one source and still be at `input.version`. */
export async function publishStatusChange(actor: TActor, input: TPublishStatusChange) {
  assertSignedInCan(actor, "status-change:publish");
  return runWriteTransaction(async (tx) => {
    const before = await lockStatusChange(tx, input.id);
    if (before.state !== "DRAFT") {
      throw await statusChangeConflict(tx, before, before.state === "PUBLISHED" ? "This entry is already published." : "This entry was retracted.");
    }
    if (before.version !== input.version) throw await statusChangeConflict(tx, before);
    assertMayChangeDraft(actor, before);
    if (before.citations.length === 0) throw new AppError("INVALID_INPUT", CITATION_REQUIRED_MESSAGE, { citations: [CITATION_REQUIRED_MESSAGE] });
    // A draft may name a schedule that was retracted since it was written.
    const subject = { ...subjectOf(before), id: (before.agreementId ?? before.measureId) as string };
    await assertCancellable(tx, subject, before.cancelsId, before.id);

    const { count } = await tx.statusChange.updateMany({
      where: { id: before.id, version: before.version, state: "DRAFT" },
      data: { state: "PUBLISHED", publishedAt: new Date(), version: { increment: 1 } },
    });
    if (count !== 1) throw await statusChangeConflict(tx, await lockStatusChange(tx, before.id));
    const after = await tx.statusChange.findUniqueOrThrow({ where: { id: before.id }, select: STATUS_CHANGE_RECORD_SELECT });
    const snapshot = snapshotOf(after);
    await recordAuditEvent(tx, actor, {
      action: "status-change:publish",
      entityType: "StatusChange",
      entityId: after.id,
      before: snapshotOf(before),
      after: snapshot,
    });
    await recordRevision(tx, actor, { entityType: "StatusChange", entityId: after.id, version: after.version, snapshot });
    await enqueueDevelopment(tx, after.id, "PUBLISHED");
    return { id: after.id, state: after.state, version: after.version, subject: { kind: subject.kind, slug: subject.slug } };
  });
}
