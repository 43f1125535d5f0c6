import "server-only";
import type { LinkType } from "../../generated/prisma/enums";
import type { TConfirmMirrorPair } from "../../schemas/mirror-pair";
import { recordAuditEvent } from "../audit/record-audit-event";
import { conflictError, lockRow } from "../desk/conflict-error";
import { AppError } from "../errors";
import { replaceLinksFromMeasure } from "../links/replace-links-from-measure";
import { MEASURE_RECORD_SELECT, measureFormValues, measureSnapshot } from "../measures/measure-record";
import { assertBetween } from "./mirror-pair-scope";
import { assertSignedInCan, type TActor } from "../permissions";
import { recordRevision } from "../revisions/record-revision";
import { runWriteTransaction } from "../write-transaction";

/**
 * Confirms a pair the mirror view proposed: a RETALIATION_FOR link from the answer to the
 * original, written as an edit of the answer's links (made at `input.version`, CONFLICT when
 * someone saved the answer since), with the answer's revision and audit events, like an edit of
 * the measure's links in its form. Both measures must exist and be imposed by the two parties of
 * `pair`, one each.
 */
export async function confirmMirrorPair(actor: TActor, pair: readonly [string, string], input: TConfirmMirrorPair) {
  assertSignedInCan(actor, "link:write");
  return runWriteTransaction(async (tx) => {
    if (!(await lockRow(tx, "TradeMeasure", "slug", input.answerSlug))) throw new AppError("NOT_FOUND", `No trade measure is called "${input.answerSlug}".`);
    const original = await tx.tradeMeasure.findUnique({ where: { slug: input.originalSlug }, select: { id: true, imposingPartyId: true, imposingParty: { select: { code: true } } } });
    if (!original) throw new AppError("INVALID_INPUT", "That measure no longer exists.", { originalSlug: ["That measure no longer exists: open the mirror view again"] });
    const before = await tx.tradeMeasure.findUniqueOrThrow({ where: { slug: input.answerSlug }, select: { ...MEASURE_RECORD_SELECT, imposingPartyId: true } });
    const current = measureFormValues(before);
    if (before.version !== input.version) {
      throw await conflictError(tx, { entityType: "TradeMeasure", id: before.id, version: before.version, updatedAt: before.updatedAt, current });
    }
    if (before.imposingPartyId === original.imposingPartyId) {
      throw new AppError("INVALID_INPUT", "Both measures are imposed by the same party: a mirror pair is one measure each way.", { answerSlug: ["Choose a measure of the other party"] });
    }
    await assertBetween(tx, pair, original.imposingParty.code, before.imposingParty.code);
    const target = `measure:${input.originalSlug}`;
    if (current.links.some((link) => link.type === "RETALIATION_FOR" && link.target === target)) {
      throw new AppError("CONFLICT", "This pair is already confirmed: the link exists.");
    }
    const links = [...current.links.map(toLinkInput), { type: "RETALIATION_FOR" as const, targetKind: "MEASURE" as const, targetSlug: input.originalSlug, note: input.note, formIndex: current.links.length }];
    const { count } = await tx.tradeMeasure.updateMany({ where: { id: before.id, version: input.version }, data: { version: { increment: 1 } } });
    if (count !== 1) throw new AppError("CONFLICT", "Someone else saved this measure at the same moment: open it again.");
    await replaceLinksFromMeasure(tx, actor, before.id, links);

    const after = await tx.tradeMeasure.findUniqueOrThrow({ where: { id: before.id }, select: MEASURE_RECORD_SELECT });
    const { imposingPartyId: _imposer, ...beforeRecord } = before;
    const snapshot = measureSnapshot(after);
    await recordAuditEvent(tx, actor, { action: "measure:edit", entityType: "TradeMeasure", entityId: after.id, before: measureSnapshot(beforeRecord), after: snapshot });
    await recordRevision(tx, actor, { entityType: "TradeMeasure", entityId: after.id, version: after.version, snapshot });
    return { id: after.id, slug: after.slug, version: after.version };
  });
}

/** A stored link as the link use case takes it ("measure:slug" → kind and slug). */
function toLinkInput(link: { type: LinkType; target: string; note: string }, formIndex: number) {
  const [kind, slug] = link.target.split(":") as ["agreement" | "measure", string];
  return { type: link.type, targetKind: kind === "agreement" ? ("AGREEMENT" as const) : ("MEASURE" as const), targetSlug: slug, note: link.note, formIndex };
}
