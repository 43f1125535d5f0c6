import { z } from "zod";
import { canonicalizeUrl } from "../domain/canonical-url";
import { SourceKind } from "../generated/prisma/enums";
import { nullableText, optionalCalendarDate, optionalId, optionalText, rowsOf } from "./form-input";

export const MAX_CITATIONS = 50;

/** Why a pasted link cannot become a source, in words fit to show beside the field. */
export function sourceUrlProblem(url: string): string | null {
  const result = canonicalizeUrl(url);
  if (result.ok) return null;
  const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  if (result.reason.startsWith("Only http") || (scheme && !/^https?$/i.test(scheme))) {
    return `Only http and https links can be sources${scheme ? ` (this one is a ${scheme.toLowerCase()}: link)` : ""}`;
  }
  return result.reason;
}

/** A link to cite: canonicalised later, refused here if it can never be a source. */
export const ZSourceUrl = optionalText(4096, "Links longer than 2,048 characters are not accepted").superRefine((url, context) => {
  if (url === "") return;
  const problem = sourceUrlProblem(url);
  if (problem) context.addIssue({ code: "custom", message: problem });
});

/** What a citation row may say about a source that is not in the registry yet. */
export const ZNewSourceFields = {
  title: optionalText(300, "A source title is limited to 300 characters"),
  publisher: optionalText(200, "A publisher's name is limited to 200 characters"),
  kind: z.preprocess(
    (value) => (value === "" || value === undefined || value === null ? "NEWS" : value),
    z.enum(SourceKind, { error: "Choose the kind of source: news, government, treaty text, analysis or other" }),
  ),
  publishedOn: optionalCalendarDate("Enter the publication date as YYYY-MM-DD"),
};

const ZCitationRow = z.object({
  /** A source picked from the registry; ignored when a link is given. */
  sourceId: optionalId("The chosen source is not valid: pick it again"),
  url: ZSourceUrl,
  ...ZNewSourceFields,
  quote: nullableText(5000, "A quote is limited to 5,000 characters"),
  quoteOriginal: nullableText(5000, "A quote is limited to 5,000 characters"),
  quoteLanguage: nullableText(20, "Give the language as a short code such as ko or ja"),
  locator: nullableText(200, "A locator (paragraph, page, timestamp) is limited to 200 characters"),
  credibility: z.preprocess(
    (value) => (value === "" || value === undefined || value === null ? 6 : typeof value === "string" ? Number(value) : value),
    z
      .number({ error: "Choose a credibility grade from 1 (confirmed) to 6 (cannot be judged)" })
      .int("Choose a credibility grade from 1 (confirmed) to 6 (cannot be judged)")
      .min(1, "Choose a credibility grade from 1 (confirmed) to 6 (cannot be judged)")
      .max(6, "Choose a credibility grade from 1 (confirmed) to 6 (cannot be judged)"),
  ),
});

type TCitationRow = z.output<typeof ZCitationRow>;

// A form always offers a few empty rows; a row with nothing typed in it is not a citation.
function isBlankRow(row: TCitationRow): boolean {
  return !row.sourceId && row.url === "" && row.title === "" && row.publisher === "" && !row.quote && !row.locator && !row.quoteOriginal;
}

/** Citation rows: blank rows dropped, each other row naming a source by link or by choice. */
export const ZCitations = rowsOf(ZCitationRow, {
  max: MAX_CITATIONS,
  message: `At most ${MAX_CITATIONS} citations can back one development`,
})
  .superRefine((rows, context) => {
    rows.forEach((row, index) => {
      if (!isBlankRow(row) && !row.sourceId && row.url === "") {
        context.addIssue({ code: "custom", path: [index, "url"], message: "Paste the source's link, or pick a source already in the registry" });
      }
    });
  })
  // Each citation keeps the number of its form row, so errors found later land beside the right row.
  .transform((rows) => rows.map((row, formIndex) => ({ ...row, formIndex })).filter((row) => !isBlankRow(row)));

export type TCitationInput = z.output<typeof ZCitations>[number];
