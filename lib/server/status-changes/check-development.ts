import "server-only";
import type { SubjectKind } from "../../domain/statuses";
import { isStatusValidFor } from "../../domain/statuses";
import type { Status } from "../../generated/prisma/enums";
import { statusNotValidMessage } from "../../schemas/status-change";
import { agreementName } from "../../domain/subject-ref";
import { Prisma } from "../../generated/prisma/client";
import { reviewRequiredColumnSql } from "../reviews/review-setting";
import { queryRows } from "../rows/parse-rows";
import { ZLoggedSubjectRow } from "../rows/logged-subject-row";
import { AppError } from "../errors";
import { assertSignedInCan, type TSignedInActor } from "../permissions";
import type { TTransaction } from "../write-transaction";

/** A tracked item as a status change refers to it. */
export type TSubject = { kind: SubjectKind; id: string; slug: string };

/**
 * The agreement or measure a development is logged against, with the name and zone a snapshot
 * shows, and whether two-person review is on (decision 034), read in the same statement inside
 * the caller's transaction; an unknown slug is a field error.
 */
export async function findSubject(
  tx: TTransaction,
  reference: { kind: SubjectKind; slug: string },
): Promise<TSubject & { name: string; timeZone: string; isReviewRequired: boolean }> {
  const [found] = await queryRows(
    tx,
    ZLoggedSubjectRow,
    reference.kind === "AGREEMENT"
      ? Prisma.sql`SELECT a.id, a.title, a."shortName", a."timeZone", ${reviewRequiredColumnSql} FROM "Agreement" a WHERE a.slug = ${reference.slug}`
      : Prisma.sql`SELECT m.id, m.title, NULL::text AS "shortName", m."timeZone", ${reviewRequiredColumnSql} FROM "TradeMeasure" m WHERE m.slug = ${reference.slug}`,
  );
  if (!found) {
    const noun = reference.kind === "AGREEMENT" ? "agreement" : "trade measure";
    throw new AppError("INVALID_INPUT", `No ${noun} is called "${reference.slug}".`, {
      subject: [`No ${noun} is called "${reference.slug}": choose one from the list`],
    });
  }
  return { kind: reference.kind, id: found.id, slug: reference.slug, name: agreementName(found), timeZone: found.timeZone, isReviewRequired: found.isReviewRequired };
}

/** The foreign-key columns of a subject. */
export function subjectColumns(subject: TSubject) {
  return subject.kind === "AGREEMENT" ? { agreementId: subject.id, measureId: null } : { agreementId: null, measureId: subject.id };
}

/** Refuses a status the subject cannot take (the database's CHECK would, less clearly). */
export function assertStatusFits(kind: SubjectKind, status: Status): void {
  if (!isStatusValidFor(kind, status)) {
    throw new AppError("INVALID_INPUT", statusNotValidMessage(kind, status), { status: [statusNotValidMessage(kind, status)] });
  }
}

/**
 * A development may cancel a scheduled change only of the same subject, published, with an
 * effective date, and not itself.
 */
export async function assertCancellable(tx: TTransaction, subject: TSubject, cancelsId: string | null, selfId?: string): Promise<void> {
  if (!cancelsId) return;
  const target = await tx.statusChange.findUnique({
    where: { id: cancelsId },
    select: { agreementId: true, measureId: true, state: true, effectiveAt: true },
  });
  const isSameSubject = target && (subject.kind === "AGREEMENT" ? target.agreementId === subject.id : target.measureId === subject.id);
  if (!target || !isSameSubject || target.state !== "PUBLISHED" || !target.effectiveAt || cancelsId === selfId) {
    const message = "Choose a scheduled change of this same subject: published, with an effective date";
    throw new AppError("INVALID_INPUT", message, { cancelsId: [message] });
  }
}

/** Analysts change their own drafts; changing someone else's draft takes an extra permission. */
export function assertMayChangeDraft(actor: TSignedInActor, record: { state: string; authorId: string | null }): void {
  if (record.state === "DRAFT" && record.authorId !== actor.id) assertSignedInCan(actor, "status-change:edit-others-draft");
}
