import { z } from "zod";
import { text } from "./text";
import { EntryState, Reliability, SourceKind } from "../generated/prisma/enums";
import { ADMIN_SOURCE_FILTER_CHOICES } from "./admin-source";
import { ZApiInstant, ZApiList, ZApiRecord } from "./api-list";
import { pageLimit, ZCursor } from "./reader-queries";

// The admin's source registry over the API (issue 11): the page's filters, read strictly (a bad
// value is a 422 naming the field, where the page falls back to "any"), and the bodies it answers.

const optionalChoice = <T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  z.preprocess((value) => (value === "" || value === undefined ? fallback : value), z.enum(values, `One of: ${values.join(", ")}.`));
const optionalSearch = z.preprocess((value) => value ?? "", text().trim().max(200, "Search with at most 200 characters."));

/** GET /api/v1/admin/sources: the registry page's filters, its keyset cursor and a page size capped at 100. */
export const ZAdminSourceListQuery = z.object({
  q: optionalSearch,
  publisher: optionalSearch,
  kind: optionalChoice(ADMIN_SOURCE_FILTER_CHOICES.kind, "any"),
  grade: optionalChoice(ADMIN_SOURCE_FILTER_CHOICES.grade, "any"),
  state: optionalChoice(ADMIN_SOURCE_FILTER_CHOICES.state, "live"),
  cited: optionalChoice(ADMIN_SOURCE_FILTER_CHOICES.cited, "any"),
  cursor: ZCursor,
  limit: pageLimit(50),
});
export type TAdminSourceListQuery = z.output<typeof ZAdminSourceListQuery>;

export const ZAdminSourceRow = z.object({
  id: z.uuid(),
  url: text(),
  title: text(),
  publisher: text(),
  kind: z.enum(SourceKind),
  reliability: z.enum(Reliability),
  reliabilityNote: text().nullable(),
  publishedAt: ZApiInstant.nullable(),
  archiveUrl: text().nullable(),
  retiredAt: ZApiInstant.nullable(),
  mergedIntoId: z.uuid().nullable(),
  citationCount: z.number().int(),
  links: z.object({ self: text(), page: text() }),
});
export type TAdminSourceRowJson = z.output<typeof ZAdminSourceRow>;
export const ZAdminSourceListResponse = ZApiList(ZAdminSourceRow);

/** Every stored field of a source, as the admin's page shows it. */
export const ZAdminSourceRecord = z.object({
  id: z.uuid(),
  url: text(),
  title: text(),
  publisher: text(),
  authors: z.array(text()),
  publishedAt: ZApiInstant.nullable(),
  accessedAt: ZApiInstant.nullable(),
  kind: z.enum(SourceKind),
  language: text(),
  reliability: z.enum(Reliability),
  reliabilityNote: text().nullable(),
  archiveUrl: text().nullable(),
  mergedIntoId: z.uuid().nullable(),
  mergedAt: ZApiInstant.nullable(),
  retiredAt: ZApiInstant.nullable(),
  retiredReason: text().nullable(),
  createdById: z.uuid().nullable(),
  version: z.number().int().min(1),
  createdAt: ZApiInstant,
  updatedAt: ZApiInstant,
});

export const ZAdminSourceDetail = ZAdminSourceRecord.extend({
  createdBy: z.object({ name: text() }).nullable(),
  mergedInto: z.object({ id: z.uuid(), title: text(), publisher: text(), url: text() }).nullable(),
  mergedFrom: z.array(z.object({ id: z.uuid(), title: text(), url: text(), mergedAt: ZApiInstant.nullable() })),
  citationCount: z.number().int(),
  /** The first 500 citing entries, newest first. */
  citations: z.array(
    z.object({
      id: z.uuid(),
      quote: text().nullable(),
      locator: text().nullable(),
      credibility: z.number().int(),
      statusChange: z.object({
        id: z.uuid(),
        headline: text(),
        state: z.enum(EntryState),
        occurredAt: ZApiInstant,
        agreement: z.object({ slug: text() }).nullable(),
        measure: z.object({ slug: text() }).nullable(),
      }),
    }),
  ),
  /** Set when the stored link predates a canonicalisation rule: what the rules make of it now. */
  canonicalUrlNow: text().nullable(),
  undo: z.object({ isPossible: z.boolean(), problem: text().nullable() }).nullable(),
  links: z.object({ page: text(), adminPage: text() }),
});
export type TAdminSourceDetailJson = z.output<typeof ZAdminSourceDetail>;
export const ZAdminSourceResponse = ZApiRecord(ZAdminSourceDetail);

/** What an edit, a grade, a retirement or a restoration answers: the source's new version. */
export const ZSourceWriteResult = z.object({
  id: z.uuid(),
  version: z.number().int().min(1),
  reliability: z.enum(Reliability).optional(),
  retiredAt: ZApiInstant.nullable().optional(),
});

export const ZSourceMergeResult = z.object({ sourceId: z.uuid(), targetId: z.uuid(), movedCitationCount: z.number().int() });
export const ZSourceUndoMergeResult = z.object({ sourceId: z.uuid(), targetId: z.uuid(), returnedCitationCount: z.number().int() });

/** GET /api/v1/admin/source-duplicates: how many proposals (at most 100). */
export const ZDuplicateProposalQuery = z.object({ limit: pageLimit(100) });

/** The fields of a source on a duplicate proposal's card: also what list-duplicate-candidates selects. */
export const DUPLICATE_CARD_FIELDS = {
  id: true,
  url: true,
  title: true,
  publisher: true,
  authors: true,
  publishedAt: true,
  kind: true,
  language: true,
  reliability: true,
  reliabilityNote: true,
  archiveUrl: true,
  retiredAt: true,
  retiredReason: true,
  version: true,
  createdAt: true,
} as const;

const ZDuplicateCard = ZAdminSourceRecord.pick(DUPLICATE_CARD_FIELDS).extend({ citationCount: z.number().int(), isGraded: z.boolean() });
const ZDuplicateReason = z.enum(["canonical-url", "title-publisher", "archive-url"]);

export const ZDuplicateProposal = z.object({
  key: text(),
  reasons: z.array(ZDuplicateReason),
  /** The source the proposal suggests keeping. */
  target: ZDuplicateCard,
  duplicates: z.array(ZDuplicateCard.extend({ reasons: z.array(ZDuplicateReason), sharedEntryCount: z.number().int() })),
});
export const ZDuplicateProposalResponse = z.object({ data: z.array(ZDuplicateProposal), total: z.number().int() });
export type TDuplicateProposalResponse = z.output<typeof ZDuplicateProposalResponse>;
