import { z } from "zod";
import { text } from "./text";
import { Reliability, SourceKind } from "../generated/prisma/enums";
import { sourceUrlProblem } from "./citation";
import { listOf, optionalCalendarDate, optionalText, requiredText, ZVersion } from "./form-input";

// The admin's source registry (issue 6): editing, grading, merging, retiring. Each schema reads
// a posted form and a JSON body alike (lib/schemas/form-input.ts).

const ZSourceId = z.uuid({ error: "The form lost track of which source this is: open it again" });

const ZRequiredSourceUrl = requiredText(4096, "Enter the source's link", "Links longer than 2,048 characters are not accepted").superRefine(
  (url, context) => {
    const problem = sourceUrlProblem(url);
    if (problem) context.addIssue({ code: "custom", message: problem });
  },
);

const ZOptionalArchiveUrl = optionalText(4096, "Links longer than 2,048 characters are not accepted")
  .superRefine((url, context) => {
    if (url === "") return;
    const problem = sourceUrlProblem(url);
    if (problem) context.addIssue({ code: "custom", message: problem.replace("can be sources", "can be archived copies") });
  })
  .transform((url) => (url === "" ? null : url));

const ZAuthors = z
  .preprocess(
    (value) => (typeof value === "string" ? value.split(/\r?\n|;/) : value),
    listOf(text().trim().max(200, "Each author's name is limited to 200 characters")),
  )
  .transform((authors) => authors.filter((author) => author !== ""))
  .refine((authors) => authors.length <= 50, "At most 50 authors");

/** Every field of a source an admin may edit, with the version the form was opened at. */
export const ZUpdateSource = z.object({
  id: ZSourceId,
  version: ZVersion,
  url: ZRequiredSourceUrl,
  title: requiredText(300, "Enter the source's title", "A source title is limited to 300 characters"),
  publisher: requiredText(200, "Enter the publisher", "A publisher's name is limited to 200 characters"),
  authors: ZAuthors,
  publishedOn: optionalCalendarDate("Enter the publication date as YYYY-MM-DD"),
  accessedOn: optionalCalendarDate("Enter the date the link was last read as YYYY-MM-DD"),
  kind: z.enum(SourceKind, { error: "Choose the kind of source: news, government, treaty text, analysis or other" }),
  language: requiredText(20, "Give the language as a short code such as en, ko or ja", "Give the language as a short code such as en, ko or ja").pipe(
    text().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "Give the language as a short code such as en, ko or ja"),
  ),
  archiveUrl: ZOptionalArchiveUrl,
}).meta({ examples: [{ version: 4, title: "Japan extends intelligence pact with South Korea", publishedOn: "2019-11-22" }] });
export type TUpdateSource = z.output<typeof ZUpdateSource>;

/** An Admiralty reliability grade with the reason for it. */
export const ZGradeSource = z.object({
  id: ZSourceId,
  version: ZVersion,
  reliability: z.enum(Reliability, { error: "Choose a reliability grade from A (completely reliable) to F (cannot be judged)" }),
  reliabilityNote: requiredText(2000, "Say why this grade: what the source's record and standing are", "A note is limited to 2,000 characters"),
}).meta({ examples: [{ version: 1, reliability: "B", reliabilityNote: "A national newspaper of record with corrections published; usually reliable." }] });
export type TGradeSource = z.output<typeof ZGradeSource>;

/**
 * Merging the duplicate `sourceId` into `targetId`. The versions are those the admin saw side by
 * side; a source changed since is refused rather than merged unseen.
 */
export const ZMergeSources = z
  .object({
    sourceId: ZSourceId,
    targetId: ZSourceId,
    sourceVersion: ZVersion,
    targetVersion: ZVersion,
  })
  .refine((input) => input.sourceId !== input.targetId, { path: ["targetId"], message: "A source cannot be merged into itself" })
  .meta({ examples: [{ targetId: "0b1f6d4e-3c2a-4f5b-9a8e-7d6c5b4a3f21", sourceVersion: 2, targetVersion: 5 }] });
export type TMergeSources = z.output<typeof ZMergeSources>;

/** Undoing the merge of `sourceId` (the duplicate that became a redirect). */
export const ZUndoSourceMerge = z.object({ sourceId: ZSourceId });
export type TUndoSourceMerge = z.output<typeof ZUndoSourceMerge>;

export const ZRetireSource = z.object({
  id: ZSourceId,
  version: ZVersion,
  reason: requiredText(1000, "Say why the source is retired (wrong, withdrawn, link dead …)", "A reason is limited to 1,000 characters"),
}).meta({ examples: [{ version: 3, reason: "The article was withdrawn by its publisher." }] });
export type TRetireSource = z.output<typeof ZRetireSource>;

export const ZRestoreSource = z.object({ id: ZSourceId, version: ZVersion }).meta({ examples: [{ version: 4 }] });
export type TRestoreSource = z.output<typeof ZRestoreSource>;

const ZChoice = <T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  z.preprocess((value) => (value === "" || value === undefined || value === null ? fallback : value), z.enum(values).catch(fallback));

/** The registry's filter choices, shared by the page (lenient) and the API (strict, lib/schemas/admin-source-api.ts). */
export const ADMIN_SOURCE_FILTER_CHOICES = {
  kind: ["any", ...Object.values(SourceKind)] as [string, ...string[]],
  grade: ["any", "ungraded", ...Object.values(Reliability)] as [string, ...string[]],
  state: ["live", "retired", "merged", "all"] as const,
  cited: ["any", "cited", "uncited"] as const,
};

/** The registry's filters, read from the page's query string (bad values fall back to "any"). */
export const ZAdminSourceFilters = z.object({
  q: optionalText(200, "Search with at most 200 characters").catch(""),
  publisher: optionalText(200, "A publisher's name is limited to 200 characters").catch(""),
  kind: ZChoice(ADMIN_SOURCE_FILTER_CHOICES.kind, "any"),
  grade: ZChoice(ADMIN_SOURCE_FILTER_CHOICES.grade, "any"),
  state: ZChoice(ADMIN_SOURCE_FILTER_CHOICES.state, "live"),
  cited: ZChoice(ADMIN_SOURCE_FILTER_CHOICES.cited, "any"),
  /** Keyset cursor: the last row of the previous page. */
  after: optionalText(500, "").catch(""),
});
export type TAdminSourceFilters = z.output<typeof ZAdminSourceFilters>;

/**
 * Who a source's report really comes from, for corroboration (lib/domain/corroboration.ts): the
 * owner or wire group of its publisher, and the source it carries, if any. Empty clears either.
 */
export const ZSourceSyndication = z
  .object({
    id: ZSourceId,
    version: ZVersion,
    publisherGroup: optionalText(200, "A publisher group's name is limited to 200 characters").transform((group) => (group === "" ? null : group)),
    syndicatedFromId: z.preprocess(
      (value) => (value === "" || value === undefined || value === null ? null : value),
      z.uuid({ error: "Choose the source this one carries from the registry, by its id" }).nullable(),
    ),
  })
  .refine((input) => input.syndicatedFromId !== input.id, { path: ["syndicatedFromId"], message: "A source cannot carry itself" })
  .meta({ examples: [{ version: 2, publisherGroup: "Yonhap", syndicatedFromId: null }] });
export type TSourceSyndication = z.output<typeof ZSourceSyndication>;
