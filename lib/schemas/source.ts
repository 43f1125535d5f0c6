import { z } from "zod";
import { text } from "./text";
import { ZNewSourceFields, ZSourceUrl } from "./citation";
import { listOf, optionalText } from "./form-input";

/** Registering a source from its link; an existing source with the same canonical link is returned instead. */
export const ZSourceFromUrl = z.object({
  url: ZSourceUrl.refine((url) => url !== "", "Paste the source's link"),
  ...ZNewSourceFields,
  authors: z
    .preprocess((value) => (typeof value === "string" ? value.split(/\r?\n|;/) : value), listOf(text().trim().max(200, "Each author's name is limited to 200 characters")))
    .transform((authors) => authors.filter((author) => author !== "")),
});
export type TSourceFromUrl = z.output<typeof ZSourceFromUrl>;

/** Searching the registry by title, publisher or link. */
export const ZSourceSearch = z.object({
  q: optionalText(200, "Search with at most 200 characters"),
});
export type TSourceSearch = z.output<typeof ZSourceSearch>;
