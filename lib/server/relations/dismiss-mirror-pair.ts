import "server-only";
import type { TDismissMirrorPair } from "../../schemas/mirror-pair";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors";
import { assertBetween } from "./mirror-pair-scope";
import { assertSignedInCan, type TActor } from "../permissions";
import { runWriteTransaction } from "../write-transaction";

/**
 * Dismisses a pair the mirror view of `pair` proposed, with a reason, audited: it is never
 * proposed again.
 * A dismissal is written once (the ids in order, one row a pair): a second is a CONFLICT, and a
 * pair already linked is not a proposal to dismiss.
 */
export async function dismissMirrorPair(actor: TActor, pair: readonly [string, string], input: TDismissMirrorPair) {
  assertSignedInCan(actor, "link:write");
  return runWriteTransaction(async (tx) => {
    const found = await tx.tradeMeasure.findMany({ where: { slug: { in: [input.firstSlug, input.secondSlug] } }, select: { id: true, slug: true, imposingPartyId: true, imposingParty: { select: { code: true } } } });
    const missing = [input.firstSlug, input.secondSlug].filter((slug) => !found.some((measure) => measure.slug === slug));
    if (missing.length) throw new AppError("NOT_FOUND", `No trade measure is called ${missing.map((slug) => `"${slug}"`).join(" or ")}.`);
    const [first, second] = [...found].sort((a, b) => (a.id < b.id ? -1 : 1)) as [(typeof found)[number], (typeof found)[number]];
    if (first.imposingPartyId === second.imposingPartyId) {
      throw new AppError("INVALID_INPUT", "Both measures are imposed by the same party: the mirror view never pairs them.", { secondSlug: ["Choose a measure of the other party"] });
    }
    await assertBetween(tx, pair, first.imposingParty.code, second.imposingParty.code);
    const linked = await tx.link.count({
      where: { type: "RETALIATION_FOR", OR: [{ fromMeasureId: first.id, toMeasureId: second.id }, { fromMeasureId: second.id, toMeasureId: first.id }] },
    });
    if (linked > 0) throw new AppError("CONFLICT", "These two measures are linked as retaliation: edit the answer's links to undo that.");
    // Two analysts dismissing at once: the unique (first, second) index refuses the second insert (P2002, a CONFLICT).
    const existing = await tx.mirrorPairDismissal.findUnique({ where: { firstMeasureId_secondMeasureId: { firstMeasureId: first.id, secondMeasureId: second.id } }, select: { id: true } });
    if (existing) throw new AppError("CONFLICT", "Someone has already dismissed this pair.");
    const dismissal = await tx.mirrorPairDismissal.create({ data: { firstMeasureId: first.id, secondMeasureId: second.id, reason: input.reason, dismissedById: actor.id } });
    await recordAuditEvent(tx, actor, { action: "mirror-pair:dismiss", entityType: "MirrorPairDismissal", entityId: dismissal.id, after: { ...dismissal, firstSlug: first.slug, secondSlug: second.slug } });
    return { id: dismissal.id };
  });
}
