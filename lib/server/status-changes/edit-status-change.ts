import "server-only";
import { enqueueDevelopment } from "../subscriptions/enqueue-development";
import { CITATION_REQUIRED_MESSAGE, type TEditStatusChange } from "../../schemas/status-change";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors";
import { assertSignedInCan, type TActor } from "../permissions";
import { recordRevision } from "../revisions/record-revision";
import { runWriteTransaction } from "../write-transaction";
import { assertCancellable, assertMayChangeDraft, assertStatusFits } from "./check-development";
import { statusChangeConflict } from "./conflict";
import { resolveCitations } from "./resolve-citations";
import { requireRevisionNote } from "./revision-note";
import { STATUS_CHANGE_RECORD_SELECT, lockStatusChange, snapshotOf, subjectOf } from "./status-change-record";
import { effectiveTimeOf } from "../../domain/status-order";

/**
 * Saves an edit of a draft or a published entry, refused with CONFLICT when the entry changed
 * since the form was opened at `input.version`. A published entry stays published and gains a
 * revision; a draft may be published by the same save.
 */
export async function editStatusChange(actor: TActor, input: TEditStatusChange) {
  assertSignedInCan(actor, "status-change:edit");
  return runWriteTransaction(async (tx) => {
    const before = await lockStatusChange(tx, input.id);
    if (before.state === "RETRACTED") {
      throw await statusChangeConflict(tx, before, "This entry was retracted and can no longer be edited. Nothing of yours was saved.");
    }
    if (before.version !== input.version) throw await statusChangeConflict(tx, before);
    assertMayChangeDraft(actor, before);
    const isPublishing = before.state === "DRAFT" && input.intent === "publish";
    // A published entry's readers are told what changed and why (issue 12); a draft's edit is private.
    const why = before.state === "PUBLISHED" ? requireRevisionNote(input.note) : undefined;
    if (isPublishing) assertSignedInCan(actor, "status-change:publish");

    const subject = { ...subjectOf(before), id: (before.agreementId ?? before.measureId) as string };
    assertStatusFits(subject.kind, input.status);
    await assertCancellable(tx, subject, input.cancelsId, before.id);
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
    await recordAuditEvent(tx, actor, {
      action: isPublishing ? "status-change:publish" : "status-change:edit",
      entityType: "StatusChange",
      entityId: after.id,
      before: snapshotOf(before),
      after: why ? { ...snapshot, revisionReason: why } : snapshot,
    });
    if (after.state === "PUBLISHED") {
      await recordRevision(tx, actor, { entityType: "StatusChange", entityId: after.id, version: after.version, snapshot, why });
      // Publishing by this save tells subscribers of a new development; saving a published one, of a correction.
      await enqueueDevelopment(tx, after.id, isPublishing ? "PUBLISHED" : "CORRECTED");
    }
    return { id: after.id, state: after.state, version: after.version, subject: { kind: subject.kind, slug: subject.slug } };
  });
}
