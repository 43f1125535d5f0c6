import "server-only";
import type { TRecordConditionState } from "../../schemas/condition";
import { recordAuditEvent } from "../audit/record-audit-event";
import { conflictError } from "../desk/conflict-error";
import { AppError } from "../errors";
import { assertSignedInCan, type TActor } from "../permissions";
import { recordRevision } from "../revisions/record-revision";
import { ZLockedIdRow } from "../rows/locked-id-row";
import { parseRows } from "../rows/parse-rows";
import { resolveCitations } from "../status-changes/resolve-citations";
import { runWriteTransaction } from "../write-transaction";
import { conditionSnapshot, insertConditionState, readConditionRecord } from "./condition-record";
import { toConditionStateFormValues } from "./condition-form-values";
import { enqueueIfBreached } from "./enqueue-if-breached";

/** Records a new dated, cited state of a condition, refused (409) when another was recorded since the form was opened. */
export async function recordConditionState(actor: TActor, input: TRecordConditionState) {
  assertSignedInCan(actor, "condition:write");
  return runWriteTransaction(async (tx) => {
    // The row lock orders concurrent recorders: the second reads the first one's version.
    const locked = parseRows(ZLockedIdRow, await tx.$queryRaw`SELECT id FROM "Condition" WHERE id = ${input.conditionId}::uuid FOR NO KEY UPDATE`);
    const before = locked.length ? await readConditionRecord(tx, input.conditionId) : null;
    if (!before) throw new AppError("NOT_FOUND", "There is no such condition: it may have been removed, or the link is wrong.");
    if (before.version !== input.version) {
      throw await conflictError(
        tx,
        { entityType: "Condition", id: before.id, version: before.version, updatedAt: before.updatedAt, current: toConditionStateFormValues(before) },
        "Someone else recorded a state of this condition after you opened it. Nothing of yours was saved: read their state below, then record yours again if it still applies.",
      );
    }
    const alreadyCited = new Set(before.states.flatMap((entry) => entry.citations.map((citation) => citation.sourceId)));
    const citations = await resolveCitations(tx, actor, input.citations, { alreadyCitedSourceIds: alreadyCited });
    await insertConditionState(tx, actor.id, before.id, input, citations);
    await tx.condition.update({ where: { id: before.id }, data: { version: { increment: 1 } } });
    const after = (await readConditionRecord(tx, before.id))!;
    const snapshot = conditionSnapshot(after);
    await recordRevision(tx, actor, { entityType: "Condition", entityId: after.id, version: after.version, snapshot });
    await enqueueIfBreached(tx, before.states, after.states);
    await recordAuditEvent(tx, actor, { action: "condition:record-state", entityType: "Condition", entityId: after.id, before: conditionSnapshot(before), after: snapshot });
    return { id: after.id, version: after.version, statusChangeId: after.statusChangeId };
  });
}
