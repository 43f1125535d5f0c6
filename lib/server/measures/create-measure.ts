import "server-only";
import type { TTradeMeasure } from "../../schemas/trade-measure";
import { newSlug } from "../desk/new-slug";
import { recordAuditEvent } from "../audit/record-audit-event";
import { replaceLinksFromMeasure } from "../links/replace-links-from-measure";
import { partyIdsByCode } from "../parties/party-ids-by-code";
import { assertSignedInCan, type TActor } from "../permissions";
import { recordRevision } from "../revisions/record-revision";
import { runWriteTransaction } from "../write-transaction";
import { MEASURE_RECORD_SELECT, measureSnapshot } from "./measure-record";

/** Creates a trade measure with its imposing and target parties and its links; the slug is made once, from the title. */
export async function createMeasure(actor: TActor, input: TTradeMeasure) {
  assertSignedInCan(actor, "measure:write");
  if (input.links.length > 0) assertSignedInCan(actor, "link:write");
  return runWriteTransaction(async (tx) => {
    const imposing = await partyIdsByCode(tx, [input.imposingPartyCode], "imposingPartyCode");
    const targets = await partyIdsByCode(tx, input.targetPartyCodes, "targetPartyCodes");
    const slug = await newSlug(tx, "tradeMeasure", input.title);
    const { imposingPartyCode, targetPartyCodes, links, ...fields } = input;
    const { id } = await tx.tradeMeasure.create({
      data: {
        ...fields,
        slug,
        imposingPartyId: imposing.get(imposingPartyCode) as string,
        targets: { create: targetPartyCodes.map((code) => ({ partyId: targets.get(code) as string })) },
      },
      select: { id: true },
    });
    await replaceLinksFromMeasure(tx, actor, id, links);
    const created = await tx.tradeMeasure.findUniqueOrThrow({ where: { id }, select: MEASURE_RECORD_SELECT });
    const snapshot = measureSnapshot(created);
    await recordAuditEvent(tx, actor, { action: "measure:create", entityType: "TradeMeasure", entityId: id, after: snapshot });
    await recordRevision(tx, actor, { entityType: "TradeMeasure", entityId: id, version: created.version, snapshot });
    return { id, slug: created.slug, version: created.version };
  });
}
