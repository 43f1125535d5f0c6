import "server-only";
import { z } from "zod";
import { LinkType } from "../../generated/prisma/enums";
import { ZDatePrecision, ZDirection, ZEntryState, ZJsonInstant, ZStatus } from "./columns";

/** One change of skeletonJsonSql (subject-sql.ts): what deriveStatus reads, plus what the timeline draws. */
export const ZSkeletonChange = z.object({
  id: z.string(),
  status: ZStatus,
  state: ZEntryState,
  occurredAt: ZJsonInstant,
  effectiveAt: ZJsonInstant.nullable(),
  cancelsId: z.string().nullable(),
  createdAt: ZJsonInstant,
  direction: ZDirection,
  headline: z.string(),
  occurredPrecision: ZDatePrecision,
  timeZone: z.string(),
  /** Bounded skeletons only: false for an older change held only for the status rules. */
  inWindow: z.boolean().optional(),
});

/** The json column of skeletonJsonSql: every published change, oldest first. */
export const ZSkeletonJson = z.array(ZSkeletonChange);

export type TSkeletonChange = z.infer<typeof ZSkeletonChange>;

/** The json column of boundedSkeletonJsonSql: the changes a subject page needs, oldest first; whether older ones exist; the current run as the status SQL finds it. */
export const ZBoundedSkeletonJson = z.object({
  changes: ZSkeletonJson,
  truncated: z.boolean(),
  since: z.object({ changeId: z.string(), sinceChangeId: z.string(), since: ZJsonInstant }).nullable(),
});

export type TBoundedSkeletonJson = z.infer<typeof ZBoundedSkeletonJson>;

/** One item of linksJsonSql (subject-sql.ts): a link from or to the subject, with the item at the other end. */
export const ZRelatedJson = z.object({
  type: z.enum(LinkType),
  note: z.string(),
  outgoing: z.boolean(),
  kind: z.enum(["AGREEMENT", "MEASURE"]),
  slug: z.string(),
  name: z.string(),
});
