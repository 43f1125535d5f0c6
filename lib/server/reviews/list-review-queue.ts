import "server-only";
import { z } from "zod";
import { CorrectionType } from "../../generated/prisma/enums";
import { ZRecordId } from "../../schemas/record-id";
import { getDatabase } from "../db";
import { decodeCursor, splitPage, ZCursorInstant } from "../keyset";
import { assertSignedInCan, can, type TActor } from "../permissions";

const ZQueueCursor = z.tuple([ZCursorInstant, ZRecordId]);

// What the queue shows of a proposal (JSON written by submit-for-review.ts); anything else is ignored.
const ZProposalSummary = z
  .object({
    headline: z.string().optional(),
    reason: z.string().optional(),
    note: z.object({ reason: z.string().optional(), correctionType: z.enum(CorrectionType).optional() }).optional(),
  })
  .catch({});
export const REVIEW_QUEUE_PAGE = 50;

/**
 * The submissions waiting for review, oldest first (keyset on submittedAt, id over
 * ReviewRequest_state_submittedAt_id_idx), each with what the reviewer needs to decide it and
 * whether the actor may (never their own).
 */
export async function listReviewQueue(actor: TActor, { cursor, limit = REVIEW_QUEUE_PAGE }: { cursor?: string; limit?: number } = {}) {
  assertSignedInCan(actor, "review:decide");
  const after = cursor ? decodeCursor(cursor, ZQueueCursor) : null;
  const rows = await getDatabase().reviewRequest.findMany({
    where: {
      state: "SUBMITTED",
      ...(after ? { OR: [{ submittedAt: { gt: after[0] } }, { submittedAt: after[0], id: { gt: after[1] } }] } : {}),
    },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: limit + 1,
    select: {
      id: true,
      kind: true,
      version: true,
      submittedAt: true,
      submittedById: true,
      proposal: true,
      submittedBy: { select: { name: true } },
      statusChange: { select: { id: true, headline: true, authorId: true, state: true, agreement: { select: { slug: true, title: true } }, measure: { select: { slug: true, title: true } } } },
    },
  });
  const page = splitPage(rows, limit, (row) => [row.submittedAt.toISOString(), row.id]);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((row) => {
      const isOwn = row.submittedById === actor.id || (row.kind === "PUBLICATION" && row.statusChange.authorId === actor.id);
      const proposal = ZProposalSummary.parse(row.proposal ?? {});
      return {
        id: row.id,
        kind: row.kind,
        version: row.version,
        submittedAt: row.submittedAt,
        submittedBy: row.submittedBy.name,
        entry: { id: row.statusChange.id, headline: row.statusChange.headline, subject: row.statusChange.agreement?.title ?? row.statusChange.measure?.title ?? "" },
        // What the reviewer reads before deciding: the proposed headline and why it changes.
        proposedHeadline: row.kind === "CORRECTION" ? (proposal.headline ?? null) : null,
        why: row.kind === "RETRACTION" ? (proposal.reason ?? null) : row.kind === "CORRECTION" ? (proposal.note?.reason ?? null) : null,
        correctionType: row.kind === "CORRECTION" ? (proposal.note?.correctionType ?? null) : null,
        isOwn,
        mayDecide: !isOwn && (row.kind !== "RETRACTION" || can(actor, "status-change:retract")),
      };
    }),
  };
}
