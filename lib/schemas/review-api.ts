import { z } from "zod";
import { text } from "./text";
import { CorrectionType, ReviewKind } from "../generated/prisma/enums";
import { ZApiInstant, ZApiList } from "./api-list";
import { pageLimit, ZCursor } from "./reader-queries";

// The review queue over the API (decision 034), for scripts that approve or return submissions.

/** GET /api/v1/reviews: a keyset cursor and a page size. */
export const ZReviewQueueQuery = z.object({ cursor: ZCursor, limit: pageLimit(50) });

export const ZReviewQueueRow = z.object({
  id: z.uuid(),
  kind: z.enum(ReviewKind),
  /** Send it back as "version" to approve or return. */
  version: z.number().int().min(1),
  submittedAt: ZApiInstant,
  submittedBy: text(),
  entry: z.object({ id: z.uuid(), headline: text(), subject: text() }),
  proposedHeadline: text().nullable(),
  /** The reason a correction or a retraction gives. */
  why: text().nullable(),
  correctionType: z.enum(CorrectionType).nullable(),
  /** The caller's own submission (never theirs to approve). */
  isOwn: z.boolean(),
  /** Whether the caller may approve or return it. */
  mayDecide: z.boolean(),
  links: z.object({ approve: text(), return: text(), entry: text() }),
});

export const ZReviewQueueResponse = ZApiList(ZReviewQueueRow);
