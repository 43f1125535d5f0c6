import "server-only";
import { AppError } from "../errors";
import { ZLockedIdRow } from "../rows/locked-id-row";
import { parseRows } from "../rows/parse-rows";
import { lockStatusChange, type TStatusChangeRecord } from "../status-changes/status-change-record";
import type { TTransaction } from "../write-transaction";

const REVIEW_SELECT = {
  id: true,
  statusChangeId: true,
  kind: true,
  state: true,
  entryVersion: true,
  proposal: true,
  submittedById: true,
  submittedAt: true,
  version: true,
  submittedBy: { select: { id: true, role: true, name: true, email: true } },
} as const;

/**
 * Locks a submission and its entry, in the order every writer of an entry takes them (the entry
 * first, then its submission), so an approval never deadlocks with an edit or a publication.
 */
export async function lockReview(tx: TTransaction, id: string) {
  const found = await tx.reviewRequest.findUnique({ where: { id }, select: { statusChangeId: true } });
  if (!found) throw new AppError("NOT_FOUND", "This submission does not exist.");
  const entry: TStatusChangeRecord = await lockStatusChange(tx, found.statusChangeId);
  parseRows(ZLockedIdRow, await tx.$queryRaw`SELECT "id"::text AS "id" FROM "ReviewRequest" WHERE "id" = ${id}::uuid FOR UPDATE`);
  const review = await tx.reviewRequest.findUniqueOrThrow({ where: { id }, select: REVIEW_SELECT });
  return { review, entry };
}

export type TLockedReview = Awaited<ReturnType<typeof lockReview>>["review"];

const DECIDED: Record<string, string> = {
  APPROVED: "This submission was already approved.",
  RETURNED: "This submission was already returned to its author.",
  WITHDRAWN: "This submission was withdrawn: its author changed or resubmitted the entry.",
};

/** A submission may be decided only while it waits, at the version the reviewer read. */
export function assertWaiting(review: TLockedReview, version: number): void {
  if (review.state !== "SUBMITTED") throw new AppError("CONFLICT", DECIDED[review.state] ?? "This submission was already decided.", {}, { currentState: review.state, currentVersion: review.version });
  if (review.version !== version) throw new AppError("CONFLICT", "This submission changed after you opened it: read it again.", {}, { currentVersion: review.version });
}
