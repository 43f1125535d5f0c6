import { z } from "zod";
import { parsePartialDate, startOfLocalPeriod } from "../domain/dates";
import { isValidTimeZone } from "../domain/zoned-time";
import type { DatePrecision } from "../generated/prisma/enums";
import { ZCitations } from "./citation";
import { nullableText, optionalId, optionalText, requiredText, ZTimeZone, ZVersion } from "./form-input";
import { recordId } from "./record-id";
import { text } from "./text";

export const MAX_POSITION_QUOTE_LENGTH = 5000;
export const MAX_POSITION_SPEAKER_LENGTH = 300;
export const POSITION_SOURCE_REQUIRED_MESSAGE = "Cite the statement's source: paste its link or pick it from the registry";
export const FUTURE_STATED_MESSAGE = "The date it was said cannot be in the future";

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const LANGUAGE_MESSAGE = "Give the language as a short code such as ja, ko or en";

/** "agreement:slug", "measure:slug" or "development:<id>": what a position is about. */
export const ZPositionSubject = z.preprocess(
  (value) => (typeof value === "string" ? value.trim() : value),
  z.union([
    text().regex(/^(agreement|measure):[a-z0-9][a-z0-9-]{0,79}$/).transform((reference) => {
      const [kind, slug] = reference.split(":") as ["agreement" | "measure", string];
      return kind === "agreement" ? { kind: "AGREEMENT" as const, slug } : { kind: "MEASURE" as const, slug };
    }),
    text().regex(/^development:/).transform((reference) => reference.slice("development:".length)).pipe(recordId("Choose the development from its page")).transform((id) => ({ kind: "DEVELOPMENT" as const, id })),
  ], { error: "Choose the agreement, measure or development the position is about" }),
);
export type TPositionSubject = z.output<typeof ZPositionSubject>;

const languageCode = (required: boolean) =>
  optionalText(20, LANGUAGE_MESSAGE).superRefine((code, context) => {
    if (code === "" && !required) return;
    if (!LANGUAGE.test(code)) context.addIssue({ code: "custom", message: code === "" ? "Say which language the quote is in (ja, ko, en…)" : LANGUAGE_MESSAGE });
  });

// What a position says, shared by adding, superseding and editing: the words, who said them and
// when, and the one source they are quoted from (a citation row, so a link or a registry pick).
const wordsFields = {
  speaker: requiredText(MAX_POSITION_SPEAKER_LENGTH, "Say who said it: an official, a ministry, a government", `Who said it is limited to ${MAX_POSITION_SPEAKER_LENGTH} characters`),
  quote: requiredText(MAX_POSITION_QUOTE_LENGTH, "Quote the words, verbatim, in the language they were published in", `A quote is limited to ${MAX_POSITION_QUOTE_LENGTH.toLocaleString("en")} characters`),
  quoteLanguage: languageCode(true),
  translation: nullableText(MAX_POSITION_QUOTE_LENGTH, `A translation is limited to ${MAX_POSITION_QUOTE_LENGTH.toLocaleString("en")} characters`),
  translationLanguage: languageCode(false),
  translationNote: nullableText(300, "Whose translation it is: at most 300 characters"),
  /** "2019-07-02", "2019-07" or "2019". */
  statedOn: optionalText(10, "Enter the date as YYYY-MM-DD, YYYY-MM or YYYY"),
  timeZone: ZTimeZone,
  citations: ZCitations,
};

type TWords = { statedOn?: unknown; timeZone?: unknown; citations?: unknown; translation?: unknown; translationLanguage?: unknown; quoteLanguage?: unknown };

function readStated(fields: TWords): { statedAt: Date; statedPrecision: DatePrecision } | string | null {
  const entered = typeof fields.statedOn === "string" ? fields.statedOn.trim() : "";
  if (entered === "") return "Enter when it was said: YYYY-MM-DD, YYYY-MM or YYYY";
  const parsed = parsePartialDate(entered);
  if (!parsed.ok) return parsed.reason;
  if (typeof fields.timeZone !== "string" || !isValidTimeZone(fields.timeZone.trim())) return null;
  const statedAt = startOfLocalPeriod(parsed.date, fields.timeZone.trim());
  if (statedAt.getTime() > Date.now()) return FUTURE_STATED_MESSAGE;
  return { statedAt, statedPrecision: parsed.date.precision };
}

function checkWords(fields: TWords, context: z.RefinementCtx): void {
  const stated = readStated(fields);
  if (typeof stated === "string") context.addIssue({ code: "custom", path: ["statedOn"], message: stated });
  if (Array.isArray(fields.citations) && fields.citations.length === 0) context.addIssue({ code: "custom", path: ["citations", 0, "url"], message: POSITION_SOURCE_REQUIRED_MESSAGE });
  if (Array.isArray(fields.citations) && fields.citations.length > 1) context.addIssue({ code: "custom", path: ["citations", 1, "url"], message: "A position is quoted from one source: record another statement as its own position" });
  if (fields.translation && fields.translationLanguage === "" && fields.quoteLanguage === "en") {
    context.addIssue({ code: "custom", path: ["translationLanguage"], message: "Say which language the translation is in" });
  }
}

// Only reached when checkWords found no issue. A translation without a language is English, the
// language the site is written in; a language with no translation means nothing and is dropped.
// The note stays either way: an English quote may itself be someone's translation ("as broadcast
// by KBS; said in Korean"), which readers should know.
function toWords<T extends TWords & { statedOn: string; citations: z.output<typeof ZCitations>; translation: string | null; translationLanguage: string }>(fields: T) {
  const { statedOn: _statedOn, ...rest } = fields;
  const translationLanguage = fields.translation ? fields.translationLanguage || "en" : null;
  return { ...rest, translationLanguage, ...(readStated(fields) as { statedAt: Date; statedPrecision: DatePrecision }) };
}

const EXAMPLE = {
  speaker: "Hiroshige Seko, Minister of Economy, Trade and Industry",
  quote: "安全保障上の適切な輸出管理に必要な見直しだ",
  quoteLanguage: "ja",
  translation: "It is a review needed for appropriate export control for national security.",
  translationNote: "Pactwatch's translation",
  statedOn: "2019-07-02",
  timeZone: "Asia/Tokyo",
  citations: [{ url: "https://www.nikkei.com/article/DGXMZO46838220S9A700C1EAF000/", locator: "paragraph 1" }],
};

/** Adding a party's position on an agreement, a measure or a development; with supersedesId, it replaces an earlier one of the same party. */
export const ZAddPosition = z
  .object({
    subject: ZPositionSubject,
    partyCode: requiredText(10, "Choose whose position this is", "Choose whose position this is").transform((code) => code.toUpperCase()),
    ...wordsFields,
    /** The earlier position this one supersedes, and the version it was read at (409 when it moved). */
    supersedesId: optionalId("The position to supersede is not valid: open it again"),
    supersedesVersion: z.preprocess((value) => (value === "" || value === undefined || value === null ? undefined : typeof value === "string" ? Number(value) : value), z.number().int().min(1).optional()),
  })
  .superRefine((fields, context) => {
    checkWords(fields, context);
    if (fields.supersedesId && fields.supersedesVersion === undefined) context.addIssue({ code: "custom", path: ["supersedesVersion"], message: "Send the version of the position you supersede, as the form does" });
  })
  .transform((fields) => toWords(fields))
  .meta({ examples: [{ subject: "measure:japan-export-controls-semiconductor-materials", partyCode: "JPN", ...EXAMPLE }] });
export type TAddPosition = z.output<typeof ZAddPosition>;

/** Editing what a position says (not whose it is or what about), at the version the form was opened at. */
export const ZEditPosition = z
  .object({ id: recordId("This position does not exist"), version: ZVersion, ...wordsFields })
  .superRefine((fields, context) => checkWords(fields, context))
  .transform((fields) => toWords(fields))
  .meta({ examples: [{ version: 1, ...EXAMPLE }] });
export type TEditPosition = z.output<typeof ZEditPosition>;
