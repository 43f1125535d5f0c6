import "server-only";
import type { TUpdateTradeMeasure } from "../../schemas/trade-measure";
import { recordAuditEvent } from "../audit/record-audit-event";
import { conflictError, lockRow } from "../desk/conflict-error";
import { AppError } from "../errors";
import { replaceLinksFromMeasure } from "../links/replace-links-from-measure";
import { partyIdsByCode } from "../parties/party-ids-by-code";
import { assertSignedInCan, type TActor } from "../permissions";
import { recordRevision } from "../revisions/record-revision";
import { runWriteTransaction } from "../write-transaction";
import { MEASURE_RECORD_SELECT, measureFormValues, measureSnapshot } from "./measure-record";

/** Saves an edit of a trade measure made at `input.version`, its links included; CONFLICT (nothing written) when someone saved since. */
export async function updateMeasure(actor: TActor, slug: string, input: TUpdateTradeMeasure) {
  assertSignedInCan(actor, "measure:write");
  return runWriteTransaction(async (tx) => {
    if (!(await lockRow(tx, "TradeMeasure", "slug", slug))) throw new AppError("NOT_FOUND", `No trade measure is called "${slug}".`);
    const before = await tx.tradeMeasure.findUniqueOrThrow({ where: { slug }, select: MEASURE_RECORD_SELECT });
    const current = measureFormValues(before);
    if (before.version !== input.version) {
      throw await conflictError(tx, { entityType: "TradeMeasure", id: before.id, version: before.version, updatedAt: before.updatedAt, current });
    }
    const { imposingPartyCode, targetPartyCodes, links, version, ...fields } = input;
    const linksBefore = JSON.stringify(current.links.map(({ type, target, note }) => ({ type, target, note })));
    const linksAfter = JSON.stringify(links.map((link) => ({ type: link.type, target: `${link.targetKind === "AGREEMENT" ? "agreement" : "measure"}:${link.targetSlug}`, note: link.note })));
    if (linksBefore !== linksAfter) assertSignedInCan(actor, "link:write");

    const imposing = await partyIdsByCode(tx, [imposingPartyCode], "imposingPartyCode");
    const targets = await partyIdsByCode(tx, targetPartyCodes, "targetPartyCodes");
    const { count } = await tx.tradeMeasure.updateMany({
      where: { id: before.id, version },
      data: { ...fields, imposingPartyId: imposing.get(imposingPartyCode) as string, version: { increment: 1 } },
    });
    if (count !== 1) throw new AppError("CONFLICT", "Someone else saved this measure at the same moment: open it again.");
    await tx.tradeMeasureTarget.deleteMany({ where: { measureId: before.id } });
    await tx.tradeMeasureTarget.createMany({ data: targetPartyCodes.map((code) => ({ measureId: before.id, partyId: targets.get(code) as string })) });
    await replaceLinksFromMeasure(tx, actor, before.id, links);

    const after = await tx.tradeMeasure.findUniqueOrThrow({ where: { id: before.id }, select: MEASURE_RECORD_SELECT });
    const snapshot = measureSnapshot(after);
    await recordAuditEvent(tx, actor, { action: "measure:edit", entityType: "TradeMeasure", entityId: after.id, before: measureSnapshot(before), after: snapshot });
    await recordRevision(tx, actor, { entityType: "TradeMeasure", entityId: after.id, version: after.version, snapshot });
    return { id: after.id, slug: after.slug, version: after.version };
  });
}
