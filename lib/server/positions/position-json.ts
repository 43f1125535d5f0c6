import "server-only";
import type { TReaderPosition } from "./list-positions";

/** A position as the API writes it: instants as ISO strings, the party by code and name. */
export function positionJson(position: TReaderPosition) {
  return {
    id: position.id,
    party: { code: position.partyCode, name: position.partyName },
    subject: position.subject,
    speaker: position.speaker,
    quote: position.quote,
    quoteLanguage: position.quoteLanguage,
    translation: position.translation,
    translationLanguage: position.translationLanguage,
    translationNote: position.translationNote,
    statedAt: position.statedAt.toISOString(),
    statedPrecision: position.statedPrecision,
    timeZone: position.timeZone,
    source: { url: position.source.url, title: position.source.title, publisher: position.source.publisher },
    locator: position.locator,
    supersedesId: position.supersedesId,
  };
}
