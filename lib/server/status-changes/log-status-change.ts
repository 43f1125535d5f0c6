import "server-only";
import type { TLogStatusChange } from "../../schemas/status-change";
import { recordAuditEvent } from "../audit/record-audit-event";
import { assertSignedInCan, type TActor } from "../permissions";
import { recordRevision } from "../revisions/record-revision";
import { runWriteTransaction } from "../write-transaction";
import { assertCancellable, assertStatusFits, findSubject, subjectColumns } from "./check-development";
import { resolveCitations } from "./resolve-citations";
import { STATUS_CHANGE_RECORD_SELECT, snapshotOf } from "./status-change-record";
import { effectiveTimeOf } from "../../domain/status-order";

/** Logs a development against an agreement or a measure, as a draft or published at once, with its citations. */
export async function logStatusChange(actor: TActor, input: TLogStatusChange) {
  assertSignedInCan(actor, "status-change:log");
  const isPublishing = input.intent === "publish";
  if (isPublishing) assertSignedInCan(actor, "status-change:publish");

  return runWriteTransaction(async (tx) => {
    const subject = await findSubject(tx, input.subject);
    assertStatusFits(subject.kind, input.status);
    await assertCancellable(tx, subject, input.cancelsId);
    const citations = await resolveCitations(tx, actor, input.citations);

    const created = await tx.statusChange.create({
      data: {
        ...subjectColumns(subject),
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
        authorId: actor.id,
        state: isPublishing ? "PUBLISHED" : "DRAFT",
        publishedAt: isPublishing ? new Date() : null,
        citations: { create: citations },
      },
      select: STATUS_CHANGE_RECORD_SELECT,
    });

    const snapshot = snapshotOf(created);
    await recordAuditEvent(tx, actor, { action: "status-change:log", entityType: "StatusChange", entityId: created.id, after: snapshot });
    if (isPublishing) {
      await recordAuditEvent(tx, actor, { action: "status-change:publish", entityType: "StatusChange", entityId: created.id, after: snapshot });
      await recordRevision(tx, actor, { entityType: "StatusChange", entityId: created.id, version: created.version, snapshot });
    }
    return { id: created.id, state: created.state, version: created.version, subject: { kind: subject.kind, slug: subject.slug } };
  });
}
