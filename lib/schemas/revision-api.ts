import { z } from "zod";
import { text } from "./text";
import { ZApiInstant } from "./api-list";
import { ZAsOfJson } from "./responses/common";
import { CorrectionType, RevisionKind } from "../generated/prisma/enums";

// The saved versions of an entry over the API (issue 11), as the desk's revisions page lists them.

export const ZRevision = z.object({
  id: z.uuid(),
  version: z.number().int().min(1),
  savedAt: ZApiInstant,
  savedBy: text(),
  /** The entry as it stood after this save. */
  snapshot: z.record(text(), z.unknown()),
  /** What changed from the version before (every field for the first). */
  changes: z.array(z.object({ field: text(), before: z.unknown(), after: z.unknown() })),
  /** Why a published development changed (issue 12); null for a publication. */
  kind: z.enum(RevisionKind).nullable(),
  correctionType: z.enum(CorrectionType).nullable(),
  reason: text().nullable(),
});
export const ZRevisionListResponse = z.object({ data: z.array(ZRevision) });

// A published development's public revision history (issue 12), as /developments/{id}/revisions shows it.
const ZCitationValue = z.union([text(), z.number()]).nullable();
export const ZPublicRevision = z.object({
  version: z.number().int().min(1),
  savedAt: ZApiInstant,
  /** The account's name where it chose to be named, otherwise its role ("An analyst"). */
  savedBy: text(),
  /** Who approved this version under two-person review, credited the same way; null when saved alone. */
  reviewedBy: text().nullable(),
  /** CLARIFICATION, CORRECTION, SOURCE_ERRATUM or RETRACTION; null for the publication. */
  kind: z.enum(RevisionKind).nullable(),
  correctionType: z.enum(CorrectionType).nullable(),
  reason: text().nullable(),
  /** Fields that changed from the version before, as stored (instants in ISO 8601). */
  changes: z.array(z.object({ field: text(), before: text().nullable(), after: text().nullable() })),
  citationChanges: z.array(
    z.object({
      change: z.enum(["added", "removed", "changed"]),
      url: text(),
      fields: z.array(z.object({ field: text(), before: ZCitationValue, after: ZCitationValue })),
    }),
  ),
  /** The same changes in words, in the development's time zone. */
  summary: z.array(text()),
});
export const ZPublicRevisionListResponse = z.object({
  asOf: ZAsOfJson,
  data: z.object({
    id: z.uuid(),
    headline: text(),
    state: z.enum(["PUBLISHED", "RETRACTED"]),
    versions: z.array(ZPublicRevision),
    /** True when older versions were left out (the latest 200 are listed). */
    isTruncated: z.boolean(),
  }),
});
