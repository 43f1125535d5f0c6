import "server-only";
import type { TAgreement } from "../../schemas/agreement";
import { recordAuditEvent } from "../audit/record-audit-event";
import { partyIdsByCode } from "../parties/party-ids-by-code";
import { assertSignedInCan, type TActor } from "../permissions";
import { recordRevision } from "../revisions/record-revision";
import { runWriteTransaction } from "../write-transaction";
import { newSlug } from "../desk/new-slug";
import { AGREEMENT_RECORD_SELECT, agreementSnapshot } from "./agreement-record";

/** Creates an agreement with its parties and term rules; its slug is made once, from the short name or the title. */
export async function createAgreement(actor: TActor, input: TAgreement) {
  assertSignedInCan(actor, "agreement:write");
  return runWriteTransaction(async (tx) => {
    const partyIds = await partyIdsByCode(tx, input.partyCodes, "partyCodes");
    const slug = await newSlug(tx, "agreement", input.shortName || input.title);
    const { partyCodes, shortName, ...fields } = input;
    const created = await tx.agreement.create({
      data: {
        ...fields,
        slug,
        shortName: shortName || null,
        parties: { create: partyCodes.map((code) => ({ partyId: partyIds.get(code) as string })) },
      },
      select: AGREEMENT_RECORD_SELECT,
    });
    const snapshot = agreementSnapshot(created);
    await recordAuditEvent(tx, actor, { action: "agreement:create", entityType: "Agreement", entityId: created.id, after: snapshot });
    await recordRevision(tx, actor, { entityType: "Agreement", entityId: created.id, version: created.version, snapshot });
    return { id: created.id, slug: created.slug, version: created.version };
  });
}
