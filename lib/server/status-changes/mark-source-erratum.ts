import "server-only";
import type { TMarkSourceErratum } from "../../schemas/status-change";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors";
import { assertSignedInCan, type TActor } from "../permissions";
import { recordRevision } from "../revisions/record-revision";
import { runWriteTransaction } from "../write-transaction";
import { statusChangeConflict } from "./conflict";
import { STATUS_CHANGE_RECORD_SELECT, lockStatusChange, snapshotOf, subjectOf } from "./status-change-record";

/**
 * Marks one citation of a published entry "the source erred: …" (issue 12): the entry's facts
 * stand, the cited source got something wrong. Like a correction it makes a new version (a
 * revision of kind SOURCE_ERRATUM, the erratum as its reason) and is audited; readers see it
 * beside the citation and in the corrections log. Marking it again replaces the text.
 */
export async function markSourceErratum(actor: TActor, input: TMarkSourceErratum) {
  assertSignedInCan(actor, "status-change:edit");
  return runWriteTransaction(async (tx) => {
    const before = await lockStatusChange(tx, input.id);
    if (before.state !== "PUBLISHED") {
      throw new AppError("CONFLICT", before.state === "DRAFT" ? "A draft has no public citations to mark: edit the draft instead." : "This entry was retracted and can no longer be changed.");
    }
    if (before.version !== input.version) throw await statusChangeConflict(tx, before);
    const citation = before.citations.find((candidate) => candidate.sourceId === input.sourceId);
    if (!citation) throw new AppError("INVALID_INPUT", "This entry does not cite that source.", { sourceId: ["Choose one of the entry's citations"] });
    if (citation.erratum === input.erratum) throw new AppError("INVALID_INPUT", "The citation is already marked with this erratum.", { erratum: ["Nothing changed"] });

    const { count } = await tx.statusChange.updateMany({ where: { id: before.id, version: before.version, state: "PUBLISHED" }, data: { version: { increment: 1 } } });
    if (count !== 1) throw await statusChangeConflict(tx, await lockStatusChange(tx, before.id));
    await tx.citation.updateMany({ where: { statusChangeId: before.id, sourceId: input.sourceId }, data: { erratum: input.erratum, erratumAt: new Date() } });

    const after = await tx.statusChange.findUniqueOrThrow({ where: { id: before.id }, select: STATUS_CHANGE_RECORD_SELECT });
    const snapshot = snapshotOf(after);
    const why = { kind: "SOURCE_ERRATUM" as const, correctionType: null, reason: input.erratum };
    await recordAuditEvent(tx, actor, { action: "citation:erratum", entityType: "StatusChange", entityId: after.id, before: snapshotOf(before), after: { ...snapshot, revisionReason: why } });
    await recordRevision(tx, actor, { entityType: "StatusChange", entityId: after.id, version: after.version, snapshot, why });
    const subject = subjectOf(after);
    return { id: after.id, state: after.state, version: after.version, subject: { kind: subject.kind, slug: subject.slug } };
  });
}
