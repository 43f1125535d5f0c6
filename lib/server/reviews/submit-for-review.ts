import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import { CITATION_REQUIRED_MESSAGE, type TEditStatusChange } from "../../schemas/status-change";
import { recordAuditEvent } from "../audit/record-audit-event";
import { AppError } from "../errors";
import type { TSignedInActor } from "../permissions";
import { subjectOf, type TStatusChangeRecord } from "../status-changes/status-change-record";
import type { TTransaction } from "../write-transaction";

export type TSubmission =
  | { kind: "PUBLICATION" }
  | { kind: "CORRECTION"; proposal: TEditStatusChange }
  | { kind: "RETRACTION"; proposal: { reason: string } };

// JSON as Postgres keeps it: dates become ISO strings (revived by review-proposal.ts).
function toJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/**
 * Submits a change of an entry the caller has locked and checked (decision 034): the entry is
 * left as it is, and a reviewer other than the submitter approves or returns it. The submitter's
 * own earlier submission of the same entry is withdrawn; someone else's makes this a CONFLICT.
 */
export async function submitForReview(tx: TTransaction, actor: TSignedInActor, entry: TStatusChangeRecord, submission: TSubmission) {
  if (submission.kind === "PUBLICATION" && entry.citations.length === 0) {
    throw new AppError("INVALID_INPUT", CITATION_REQUIRED_MESSAGE, { citations: [CITATION_REQUIRED_MESSAGE] });
  }
  const waiting = await tx.reviewRequest.findFirst({
    where: { statusChangeId: entry.id, state: "SUBMITTED" },
    select: { id: true, submittedById: true, submittedBy: { select: { name: true } } },
  });
  if (waiting && waiting.submittedById !== actor.id) {
    throw new AppError("CONFLICT", `A change to this entry submitted by ${waiting.submittedBy.name} is waiting for review: it must be approved or returned first. Nothing of yours was saved.`, {}, { reviewId: waiting.id });
  }
  const withdrawnId = waiting ? await withdrawSubmission(tx, actor, entry.id) : null;
  const proposal = submission.kind === "PUBLICATION" ? undefined : toJson(submission.proposal);
  const review = await tx.reviewRequest.create({
    data: { statusChangeId: entry.id, kind: submission.kind, entryVersion: entry.version, proposal, submittedById: actor.id },
    select: { id: true, kind: true, state: true, version: true, submittedAt: true },
  });
  await recordAuditEvent(tx, actor, {
    action: "review:submit",
    entityType: "ReviewRequest",
    entityId: review.id,
    after: { statusChangeId: entry.id, kind: review.kind, entryVersion: entry.version, proposal, replaces: withdrawnId },
  });
  const subject = subjectOf(entry);
  return { id: entry.id, state: entry.state, version: entry.version, subject: { kind: subject.kind, slug: subject.slug }, review: { id: review.id, kind: review.kind, state: review.state, version: review.version } };
}

/** Withdraws the entry's waiting submission, if any (audited); the entry's row is locked by the caller. Returns its id. */
export async function withdrawSubmission(tx: TTransaction, actor: TSignedInActor, statusChangeId: string): Promise<string | null> {
  const waiting = await tx.reviewRequest.findFirst({ where: { statusChangeId, state: "SUBMITTED" }, select: { id: true, version: true } });
  if (!waiting) return null;
  await tx.reviewRequest.update({ where: { id: waiting.id }, data: { state: "WITHDRAWN", version: { increment: 1 } } });
  await recordAuditEvent(tx, actor, { action: "review:withdraw", entityType: "ReviewRequest", entityId: waiting.id, before: { state: "SUBMITTED" }, after: { state: "WITHDRAWN" } });
  return waiting.id;
}
