import "server-only";
import { z } from "zod";
import { CorrectionType, Role } from "../../generated/prisma/enums";
import { LOGGED_KINDS } from "../../domain/corrections";
import { ZEntryState, ZInstant, ZInt } from "./columns";

/** One row of the corrections log (lib/server/corrections/corrections-sql.ts): a kinded revision with the version before it. */
export const ZCorrectionRow = z
  .object({
    id: z.string(),
    createdAt: ZInstant,
    kind: z.enum(LOGGED_KINDS),
    correctionType: z.enum(CorrectionType).nullable(),
    reason: z.string().nullable(),
    version: ZInt,
    entityId: z.string(),
    /** JSON as the revision keeps it: lib/domain/revision-diff.ts reads it defensively. */
    snapshot: z.unknown(),
    previousSnapshot: z.unknown(),
    state: ZEntryState,
    headline: z.string(),
    actorName: z.string().nullable(),
    actorRole: z.enum(Role).nullable(),
    actorNamedInPublic: z.boolean().nullable(),
    agreementSlug: z.string().nullable(),
    agreementName: z.string().nullable(),
    measureSlug: z.string().nullable(),
    measureTitle: z.string().nullable(),
  })
  .describe("correction row");

export type TCorrectionRow = z.infer<typeof ZCorrectionRow>;

/** A subject with corrections, for the corrections log's filter (lib/server/corrections/list-corrected-subjects.ts). */
export const ZCorrectedSubjectRow = z.object({ value: z.string(), label: z.string() }).describe("corrected subject row");
