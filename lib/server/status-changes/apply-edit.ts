import "server-only";
import { enqueueDevelopment } from "../subscriptions/enqueue-development";
import { CITATION_REQUIRED_MESSAGE, type TEditStatusChange } from "../../schemas/status-change";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors";
import type { TSignedInActor } from "../permissions";
import { recordRevision, type TRevisionReason } from "../revisions/record-revision";
import type { TTransaction } from "../write-transaction";
import { statusChangeConflict } from "./conflict";
import { resolveCitations } from "./resolve-citations";
import { STATUS_CHANGE_RECORD_SELECT, lockStatusChange, snapshotOf, type TStatusChangeRecord } from "./status-change-record";
import { effectiveTimeOf } from "../../domain/status-order";

type TApplyEditOptions = {
  /** The draft is published by this save. */
  isPublishing: boolean;
  /** Why a published entry changes (issue 12); none for a draft. */
  why: TRevisionReason | undefined;
  /** The second account that approved a correction under two-person review (decision 034). */
  reviewer?: TSignedInActor;
};

/**
 * Writes an edit of a locked entry already checked by the caller: fields, citations (errata kept),
 * audit event, and for a published entry its revision and the subscribers' fan-out. `actor` is
 * who wrote the edit; under review the audit's actor is the reviewer who made it take effect.
 */
export async function applyEdit(tx: TTransaction, actor: TSignedInActor, before: TStatusChangeRecord, input: TEditStatusChange, options: TApplyEditOptions): Promise<TStatusChangeRecord> {
  const { isPublishing, why, reviewer } = options;
  const citations = await resolveCitations(tx, actor, input.citations, {
    alreadyCitedSourceIds: new Set(before.citations.map((citation) => citation.sourceId)),
  });
  if ((isPublishing || before.state === "PUBLISHED") && citations.length === 0) {
    throw new AppError("INVALID_INPUT", CITATION_REQUIRED_MESSAGE, { citations: [CITATION_REQUIRED_MESSAGE] });
  }

  // The row is locked, so the version cannot have moved; the WHERE keeps that true even if a
  // future caller forgets the lock.
  const { count } = await tx.statusChange.updateMany({
    where: { id: before.id, version: before.version, state: before.state },
    data: {
      status: input.status,
      headline: input.headline,
      body: input.body,
      occurredAt: input.occurredAt,
      occurredPrecision: input.occurredPrecision,
      timeZone: input.timeZone,
      effectiveAt: input.effectiveAt,
      effectiveTime: effectiveTimeOf(input),
      direction: input.direction,
      cancelsId: input.cancelsId,
      version: { increment: 1 },
      ...(isPublishing ? { state: "PUBLISHED" as const, publishedAt: new Date() } : {}),
    },
  });
  if (count !== 1) throw await statusChangeConflict(tx, await lockStatusChange(tx, before.id));
  await tx.citation.deleteMany({ where: { statusChangeId: before.id } });
  // A source's erratum belongs to the source as cited here, so it stays while the source is cited.
  const errata = new Map(before.citations.filter((citation) => citation.erratum !== null).map((citation) => [citation.sourceId, citation]));
  await tx.citation.createMany({
    data: citations.map(({ source: _source, ...citation }) => {
      const kept = errata.get(citation.sourceId);
      return { ...citation, statusChangeId: before.id, erratum: kept?.erratum ?? null, erratumAt: kept?.erratumAt ?? null };
    }),
  });

  const after = await tx.statusChange.findUniqueOrThrow({ where: { id: before.id }, select: STATUS_CHANGE_RECORD_SELECT });
  const snapshot = snapshotOf(after);
  await recordAuditEvent(tx, reviewer ?? actor, {
    action: isPublishing ? "status-change:publish" : "status-change:edit",
    entityType: "StatusChange",
    entityId: after.id,
    before: snapshotOf(before),
    after: why ? { ...snapshot, revisionReason: why } : snapshot,
  });
  if (after.state === "PUBLISHED") {
    await recordRevision(tx, actor, { entityType: "StatusChange", entityId: after.id, version: after.version, snapshot, why, reviewerId: reviewer?.id });
    // Publishing by this save tells subscribers of a new development; saving a published one, of a correction.
    await enqueueDevelopment(tx, after.id, isPublishing ? "PUBLISHED" : "CORRECTED");
  }
  return after;
}
