import "server-only";
import type { TAddPosition } from "../../schemas/party-position";
import type { TResolvedCitation } from "../status-changes/resolve-citations";

/** The select of a position's words and when they were said: what positionWords writes, less the source. */
export const POSITION_WORDS_SELECT = {
  speaker: true,
  quote: true,
  quoteLanguage: true,
  translation: true,
  translationLanguage: true,
  translationNote: true,
  statedAt: true,
  statedPrecision: true,
  timeZone: true,
} as const;

type TPositionWordsInput = Pick<
  TAddPosition,
  "speaker" | "quote" | "quoteLanguage" | "translation" | "translationLanguage" | "translationNote" | "statedAt" | "statedPrecision" | "timeZone"
>;

/** The columns an analyst writes when adding or correcting a position: its words, when they were said, and its one source. */
export function positionWords(input: TPositionWordsInput, citation: Pick<TResolvedCitation, "sourceId" | "locator">) {
  return {
    speaker: input.speaker,
    quote: input.quote,
    quoteLanguage: input.quoteLanguage,
    translation: input.translation,
    translationLanguage: input.translationLanguage,
    translationNote: input.translationNote,
    statedAt: input.statedAt,
    statedPrecision: input.statedPrecision,
    timeZone: input.timeZone,
    sourceId: citation.sourceId,
    locator: citation.locator,
  };
}
