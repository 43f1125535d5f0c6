import "server-only";
import { z } from "zod";
import { Reliability, SourceKind } from "../../generated/prisma/enums";
import { ZDatePrecision, ZEntryState, ZInstant, ZInt, ZStatus } from "./columns";

/** A source with the duplicates merged into it (get-source.ts). */
export const ZSourceRow = z
  .object({
    id: z.string(),
    url: z.string(),
    title: z.string(),
    publisher: z.string(),
    authors: z.array(z.string()),
    publishedAt: ZInstant.nullable(),
    accessedAt: ZInstant.nullable(),
    kind: z.enum(SourceKind),
    language: z.string(),
    reliability: z.enum(Reliability),
    reliabilityNote: z.string().nullable(),
    archiveUrl: z.string().nullable(),
    mergedIntoId: z.string().nullable(),
    retiredAt: ZInstant.nullable(),
    retiredReason: z.string().nullable(),
    mergedFrom: z.array(z.object({ id: z.string(), url: z.string(), title: z.string() })),
  })
  .describe("source row");

/** A development citing the source, with the citation's quote and its subject. */
export const ZCitingRow = z
  .object({
    id: z.string(),
    headline: z.string(),
    status: ZStatus,
    state: ZEntryState,
    occurredAt: ZInstant,
    occurredPrecision: ZDatePrecision,
    timeZone: z.string(),
    quote: z.string().nullable(),
    locator: z.string().nullable(),
    credibility: ZInt,
    agreementSlug: z.string().nullable(),
    measureSlug: z.string().nullable(),
    subjectName: z.string(),
  })
  .describe("citing development row");

/** A source's citing count as of an instant, and whether it was public by then (source-as-of-sql.ts). */
export const ZSourceAsOfCountRow = z.object({ total: ZInt, isPublic: z.boolean() }).describe("source as-of count row");

/** A count cast ::int, alone in its row. */
export const ZTotalRow = z.object({ total: ZInt }).describe("total row");

/** A row of the source list (list-sources.ts); the sort key is null for undated sources in the newest-first order. */
export const ZSourceListRow = z
  .object({
    id: z.string(),
    url: z.string(),
    title: z.string(),
    publisher: z.string(),
    authors: z.array(z.string()),
    publishedAt: ZInstant.nullable(),
    kind: z.enum(SourceKind),
    reliability: z.enum(Reliability),
    retiredAt: ZInstant.nullable(),
    citations: ZInt,
    sortKey: z.union([z.string(), z.number()]).nullable(),
    isRankCut: z.boolean(),
  })
  .describe("source list row");

/** What the duplicate scan reads of each source (list-duplicate-candidates.ts, TDuplicateProbe of lib/domain). */
export const ZDuplicateProbeRow = z
  .object({ id: z.string(), url: z.string(), title: z.string(), publisher: z.string(), archiveUrl: z.string().nullable() })
  .describe("duplicate probe row");

/** The registry's fingerprint (list-duplicate-candidates.ts): a count and a sum of row hashes, as text. */
export const ZRegistryFingerprintRow = z.object({ fingerprint: z.string() }).describe("registry fingerprint row");

/** A source share-locked for citing (resolve-citations.ts): what the checks and a snapshot read. */
export const ZLockedSourceRow = z
  .object({
    id: z.string(),
    url: z.string(),
    title: z.string(),
    publisher: z.string(),
    mergedIntoId: z.string().nullable(),
    retiredAt: ZInstant.nullable(),
    retiredReason: z.string().nullable(),
  })
  .describe("locked source row");
export type TLockedSourceRow = z.output<typeof ZLockedSourceRow>;
