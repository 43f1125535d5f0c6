import "server-only";
import { getDatabase } from "../db";
import { assertSignedInCan, type TActor } from "../permissions";

/**
 * The latest submission of an entry, for its desk page: waiting (and by whom), or returned with
 * the reviewer's comment for its author to read, or approved. Null when it was never submitted.
 */
export async function getEntryReview(actor: TActor, statusChangeId: string) {
  assertSignedInCan(actor, "draft:read");
  return getDatabase().reviewRequest.findFirst({
    where: { statusChangeId },
    orderBy: { submittedAt: "desc" },
    select: {
      id: true,
      kind: true,
      state: true,
      version: true,
      submittedAt: true,
      reviewedAt: true,
      comment: true,
      submittedById: true,
      submittedBy: { select: { name: true } },
      reviewer: { select: { name: true } },
    },
  });
}
