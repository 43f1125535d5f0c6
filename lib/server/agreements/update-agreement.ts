import "server-only";
import type { TUpdateAgreement } from "../../schemas/agreement";
import { recordAuditEvent } from "../audit/record-audit-event";
import { conflictError, lockRow } from "../desk/conflict-error";
import { AppError } from "../errors";
import { partyIdsByCode } from "../parties/party-ids-by-code";
import { assertSignedInCan, type TActor } from "../permissions";
import { recordRevision } from "../revisions/record-revision";
import { runWriteTransaction } from "../write-transaction";
import { enqueueDeadlinePlan } from "../subscriptions/enqueue-deadline-plan";
import { AGREEMENT_RECORD_SELECT, agreementFormValues, agreementSnapshot } from "./agreement-record";

type TTerms = { inForceOn: Date | null; termMonths: number | null; autoRenews: boolean | null; noticeDays: number | null; timeZone: string };

function haveTermsChanged(before: TTerms, after: TTerms): boolean {
  return (
    before.inForceOn?.getTime() !== after.inForceOn?.getTime() ||
    before.termMonths !== after.termMonths ||
    before.autoRenews !== after.autoRenews ||
    before.noticeDays !== after.noticeDays ||
    before.timeZone !== after.timeZone
  );
}

/** Saves an edit of an agreement made at `input.version`; CONFLICT (nothing written) when someone saved since. The slug stays. */
export async function updateAgreement(actor: TActor, slug: string, input: TUpdateAgreement) {
  assertSignedInCan(actor, "agreement:write");
  return runWriteTransaction(async (tx) => {
    if (!(await lockRow(tx, "Agreement", "slug", slug))) throw new AppError("NOT_FOUND", `No agreement is called "${slug}".`);
    const before = await tx.agreement.findUniqueOrThrow({ where: { slug }, select: AGREEMENT_RECORD_SELECT });
    if (before.version !== input.version) {
      throw await conflictError(tx, { entityType: "Agreement", id: before.id, version: before.version, updatedAt: before.updatedAt, current: agreementFormValues(before) });
    }
    const partyIds = await partyIdsByCode(tx, input.partyCodes, "partyCodes");
    const { partyCodes, shortName, version, ...fields } = input;
    const { count } = await tx.agreement.updateMany({
      where: { id: before.id, version },
      data: { ...fields, shortName: shortName || null, version: { increment: 1 } },
    });
    if (count !== 1) throw new AppError("CONFLICT", "Someone else saved this agreement at the same moment: open it again.");
    await tx.agreementParty.deleteMany({ where: { agreementId: before.id } });
    await tx.agreementParty.createMany({ data: partyCodes.map((code) => ({ agreementId: before.id, partyId: partyIds.get(code) as string })) });

    const after = await tx.agreement.findUniqueOrThrow({ where: { id: before.id }, select: AGREEMENT_RECORD_SELECT });
    const snapshot = agreementSnapshot(after);
    await recordAuditEvent(tx, actor, { action: "agreement:edit", entityType: "Agreement", entityId: after.id, before: agreementSnapshot(before), after: snapshot });
    await recordRevision(tx, actor, { entityType: "Agreement", entityId: after.id, version: after.version, snapshot });
    // New terms move the notice deadlines: the reminders are planned again (decision 035).
    if (haveTermsChanged(before, after)) await enqueueDeadlinePlan(tx, { agreementId: after.id });
    return { id: after.id, slug: after.slug, version: after.version };
  });
}
