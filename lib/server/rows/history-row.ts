import "server-only";
import { z } from "zod";
import { CorroborationLevel, Reliability, SourceKind } from "../../generated/prisma/enums";
import { ZDatePrecision, ZDirection, ZEntryState, ZInstant, ZInt, ZJsonInstant, ZStatus } from "./columns";

/** A citation with its source, as historyEntriesSql aggregates them to json. */
export const ZCitationJson = z.object({
  id: z.string(),
  quote: z.string().nullable(),
  quoteOriginal: z.string().nullable(),
  quoteLanguage: z.string().nullable(),
  locator: z.string().nullable(),
  credibility: ZInt,
  erratum: z.string().nullable(),
  erratumAt: ZJsonInstant.nullable(),
  source: z.object({
    id: z.string(),
    url: z.string(),
    title: z.string(),
    publisher: z.string(),
    authors: z.array(z.string()),
    publishedAt: ZJsonInstant.nullable(),
    kind: z.enum(SourceKind),
    reliability: z.enum(Reliability),
    retiredAt: ZJsonInstant.nullable(),
    retiredReason: z.string().nullable(),
    archiveUrl: z.string().nullable(),
    publisherGroup: z.string().nullable(),
    origin: z
      .object({ id: z.string(), publisher: z.string(), publisherGroup: z.string().nullable(), reliability: z.enum(Reliability), syndicatedFromId: z.string().nullable(), isRetired: z.boolean() })
      .nullable(),
  }),
});

/** One row of historyEntriesSql (history-sql.ts): an entry with its subject, retraction, schedule and citations. */
export const ZHistoryRow = z
  .object({
    id: z.string(),
    status: ZStatus,
    headline: z.string(),
    body: z.string(),
    occurredAt: ZInstant,
    occurredPrecision: ZDatePrecision,
    timeZone: z.string(),
    effectiveAt: ZInstant.nullable(),
    effectiveTime: ZInstant,
    direction: ZDirection,
    state: ZEntryState,
    cancelsId: z.string().nullable(),
    createdAt: ZInstant,
    updatedAt: ZInstant,
    publishedAt: ZInstant.nullable(),
    retractedAt: ZInstant.nullable(),
    retractionReason: z.string().nullable(),
    corroborationLevel: z.enum(CorroborationLevel).nullable(),
    corroborationReason: z.string().nullable(),
    version: ZInt,
    retractedByName: z.string().nullable(),
    agreementSlug: z.string().nullable(),
    agreementName: z.string().nullable(),
    agreementTitle: z.string().nullable(),
    measureSlug: z.string().nullable(),
    measureTitle: z.string().nullable(),
    schedule: z.enum(["pending", "cancelled", "took-effect"]).nullable(),
    revisionCount: ZInt,
    revisedAt: ZInstant.nullable(),
    correctionCount: ZInt,
    /** Knowledge time (decision 029): from when the development was public. */
    knownAt: ZInstant.nullable(),
    citations: z.array(ZCitationJson),
  })
  .describe("history row");

export type THistoryRow = z.infer<typeof ZHistoryRow>;

/** The earlier changes of a run that began before the skeleton's window, as JSON (as-of-skeleton.ts). */
export const ZRunBoundaryRow = z.object({ changes: z.unknown() }).describe("run boundary row");
