import "server-only";
import type { TLinkInput } from "../../schemas/link";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError, type TFieldErrors } from "../errors";
import type { TSignedInActor } from "../permissions";
import type { TTransaction } from "../write-transaction";

type TTarget = { toAgreementId: string | null; toMeasureId: string | null };

const keyOf = (type: string, target: TTarget) => `${type}|${target.toAgreementId ?? ""}|${target.toMeasureId ?? ""}`;

async function resolveTargets(tx: TTransaction, measureId: string, links: TLinkInput[]): Promise<(TTarget & { type: TLinkInput["type"]; note: string })[]> {
  const fieldErrors: TFieldErrors = {};
  const resolved: (TTarget & { type: TLinkInput["type"]; note: string })[] = [];
  for (const link of links) {
    const found =
      link.targetKind === "AGREEMENT"
        ? await tx.agreement.findUnique({ where: { slug: link.targetSlug }, select: { id: true } })
        : await tx.tradeMeasure.findUnique({ where: { slug: link.targetSlug }, select: { id: true } });
    const field = `links.${link.formIndex}.target`;
    if (!found) fieldErrors[field] = ["That agreement or measure no longer exists: choose another"];
    else if (link.targetKind === "MEASURE" && found.id === measureId) fieldErrors[field] = ["A measure cannot be linked to itself"];
    else {
      const target = link.targetKind === "AGREEMENT" ? { toAgreementId: found.id, toMeasureId: null } : { toAgreementId: null, toMeasureId: found.id };
      resolved.push({ ...target, type: link.type, note: link.note });
    }
  }
  if (Object.keys(fieldErrors).length > 0) throw new AppError("INVALID_INPUT", "Some links need attention: see the messages beside them.", fieldErrors);
  return resolved;
}

/**
 * Makes the links from a measure exactly the given ones, in the caller's transaction: new ones
 * are created, changed notes updated, and links no longer listed removed, each audited with its
 * before and after (the measure's revision keeps the whole set too).
 */
export async function replaceLinksFromMeasure(tx: TTransaction, actor: TSignedInActor, measureId: string, links: TLinkInput[]): Promise<void> {
  const wanted = new Map<string, TTarget & { type: TLinkInput["type"]; note: string }>();
  for (const link of await resolveTargets(tx, measureId, links)) {
    const key = keyOf(link.type, link);
    if (!wanted.has(key)) wanted.set(key, link);
  }
  const existing = await tx.link.findMany({ where: { fromMeasureId: measureId } });
  for (const link of existing) {
    const match = wanted.get(keyOf(link.type, link));
    if (!match) {
      await tx.link.delete({ where: { id: link.id } });
      await recordAuditEvent(tx, actor, { action: "link:delete", entityType: "Link", entityId: link.id, before: link });
    } else if (match.note !== link.note) {
      const updated = await tx.link.update({ where: { id: link.id }, data: { note: match.note } });
      await recordAuditEvent(tx, actor, { action: "link:edit", entityType: "Link", entityId: link.id, before: link, after: updated });
    }
    wanted.delete(keyOf(link.type, link));
  }
  for (const link of wanted.values()) {
    const created = await tx.link.create({ data: { ...link, fromMeasureId: measureId } });
    await recordAuditEvent(tx, actor, { action: "link:create", entityType: "Link", entityId: created.id, after: created });
  }
}
