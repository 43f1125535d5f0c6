import "server-only";
import type { Prisma } from "../generated/prisma/client";

/** The fields of a status change that a reader's history shows, citations included. */
export const HISTORY_ENTRY_SELECT = {
  id: true,
  status: true,
  headline: true,
  body: true,
  occurredAt: true,
  occurredPrecision: true,
  timeZone: true,
  effectiveAt: true,
  effectiveTime: true,
  direction: true,
  state: true,
  cancelsId: true,
  createdAt: true,
  publishedAt: true,
  knownAt: true,
  retractedAt: true,
  retractionReason: true,
  version: true,
  retractedBy: { select: { name: true } },
  citations: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      quote: true,
      quoteOriginal: true,
      quoteLanguage: true,
      locator: true,
      credibility: true,
      erratum: true,
      erratumAt: true,
      source: {
        select: {
          id: true,
          url: true,
          title: true,
          publisher: true,
          authors: true,
          publishedAt: true,
          kind: true,
          reliability: true,
          retiredAt: true,
          retiredReason: true,
          archiveUrl: true,
        },
      },
    },
  },
} as const satisfies Prisma.StatusChangeSelect;

export type THistoryEntry = Prisma.StatusChangeGetPayload<{ select: typeof HISTORY_ENTRY_SELECT }>;
