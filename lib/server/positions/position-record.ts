import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import { toPartialDateInput } from "../../domain/dates";
import type { TTransaction } from "../write-transaction";
import { POSITION_WORDS_SELECT } from "./position-words";

/** What a position's revisions, audit events, conflicts and desk page read. */
export const POSITION_RECORD_SELECT = {
  id: true,
  partyId: true,
  agreementId: true,
  measureId: true,
  statusChangeId: true,
  ...POSITION_WORDS_SELECT,
  sourceId: true,
  locator: true,
  supersedesId: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  party: { select: { code: true, name: true } },
  agreement: { select: { slug: true, title: true, shortName: true } },
  measure: { select: { slug: true, title: true } },
  statusChange: { select: { id: true, headline: true, state: true } },
  source: { select: { url: true, title: true, publisher: true, retiredAt: true } },
  supersedes: { select: { id: true, statedAt: true } },
  supersededBy: { select: { id: true, statedAt: true, statedPrecision: true, timeZone: true } },
} satisfies Prisma.PartyPositionSelect;

export type TPositionRecord = Prisma.PartyPositionGetPayload<{ select: typeof POSITION_RECORD_SELECT }>;

export async function readPositionRecord(tx: TTransaction, id: string): Promise<TPositionRecord | null> {
  return tx.partyPosition.findUnique({ where: { id }, select: POSITION_RECORD_SELECT });
}

/** A position as its revisions keep it: plain JSON-able fields. */
export function positionSnapshot(record: TPositionRecord) {
  return {
    id: record.id,
    party: record.party.code,
    subject: record.agreement
      ? { kind: "AGREEMENT", slug: record.agreement.slug }
      : record.measure
        ? { kind: "MEASURE", slug: record.measure.slug }
        : { kind: "DEVELOPMENT", id: record.statusChangeId },
    speaker: record.speaker,
    quote: record.quote,
    quoteLanguage: record.quoteLanguage,
    translation: record.translation,
    translationLanguage: record.translationLanguage,
    translationNote: record.translationNote,
    statedAt: record.statedAt,
    statedPrecision: record.statedPrecision,
    timeZone: record.timeZone,
    source: { sourceId: record.sourceId, url: record.source.url, title: record.source.title, publisher: record.source.publisher },
    locator: record.locator,
    supersedesId: record.supersedesId,
    supersededById: record.supersededBy?.id ?? null,
    version: record.version,
  };
}

/** A position as the edit form's fields, for the form itself and for a conflict panel. */
export function toPositionFormValues(record: TPositionRecord) {
  return {
    speaker: record.speaker,
    quote: record.quote,
    quoteLanguage: record.quoteLanguage,
    translation: record.translation ?? "",
    translationLanguage: record.translationLanguage ?? "",
    translationNote: record.translationNote ?? "",
    statedOn: toPartialDateInput(record.statedAt, record.statedPrecision, record.timeZone),
    timeZone: record.timeZone,
    citations: [{ url: record.source.url, locator: record.locator ?? "" }],
  };
}
