import "server-only";
import type { TAddCondition } from "../../schemas/condition";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors";
import { assertSignedInCan, type TActor } from "../permissions";
import { recordRevision } from "../revisions/record-revision";
import { ZLockedIdRow } from "../rows/locked-id-row";
import { parseRows } from "../rows/parse-rows";
import { findSubject } from "../status-changes/check-development";
import { resolveCitations } from "../status-changes/resolve-citations";
import { runWriteTransaction, type TTransaction } from "../write-transaction";
import { conditionSnapshot, insertConditionState, readConditionRecord } from "./condition-record";
import { enqueueIfBreached } from "./enqueue-if-breached";

async function findDependency(tx: TTransaction, dependsOn: TAddCondition["dependsOn"]) {
  if (!dependsOn) return { dependsOnAgreementId: null, dependsOnMeasureId: null };
  try {
    const subject = await findSubject(tx, dependsOn);
    return subject.kind === "AGREEMENT" ? { dependsOnAgreementId: subject.id, dependsOnMeasureId: null } : { dependsOnAgreementId: null, dependsOnMeasureId: subject.id };
  } catch (error) {
    // The same message, beside this form's field.
    if (error instanceof AppError && error.code === "INVALID_INPUT") throw new AppError("INVALID_INPUT", error.message, { dependsOn: error.fieldErrors.subject ?? [error.message] });
    throw error;
  }
}

/** Adds a condition, with its first cited state, to a development that is not retracted. */
export async function addCondition(actor: TActor, input: TAddCondition) {
  assertSignedInCan(actor, "condition:write");
  return runWriteTransaction(async (tx) => {
    // The development is locked so that a retraction running at the same moment waits for this.
    const [locked] = parseRows(ZLockedIdRow, await tx.$queryRaw`SELECT id FROM "StatusChange" WHERE id = ${input.statusChangeId}::uuid FOR NO KEY UPDATE`);
    const development = locked ? await tx.statusChange.findUnique({ where: { id: locked.id }, select: { state: true } }) : null;
    if (!development) throw new AppError("NOT_FOUND", "There is no such development: it may have been removed, or the link is wrong.");
    if (development.state === "RETRACTED") throw new AppError("INVALID_INPUT", "This development was retracted: conditions can no longer be added to it.");
    const dependency = await findDependency(tx, input.dependsOn);
    const citations = await resolveCitations(tx, actor, input.citations);
    const condition = await tx.condition.create({
      data: { statusChangeId: input.statusChangeId, statement: input.statement, ...dependency, authorId: actor.id },
      select: { id: true },
    });
    await insertConditionState(tx, actor.id, condition.id, input, citations);
    const record = (await readConditionRecord(tx, condition.id))!;
    const snapshot = conditionSnapshot(record);
    await recordRevision(tx, actor, { entityType: "Condition", entityId: record.id, version: 1, snapshot });
    await enqueueIfBreached(tx, [], record.states);
    await recordAuditEvent(tx, actor, { action: "condition:add", entityType: "Condition", entityId: record.id, after: snapshot });
    return { id: record.id, version: record.version, statusChangeId: record.statusChangeId };
  });
}
