import { z } from "zod";
import { text } from "./text";
import { parseAsOf } from "../domain/as-of";
import { TIME_AXES } from "../domain/record-time";

// `asOf` and `axis` on every reading (decision 029): the same two query parameters on pages
// (a plain GET form), the JSON API, feeds and exports.

const emptyToUndefined = (value: unknown) => {
  if (Array.isArray(value)) value = value.find((item) => typeof item === "string" && item.trim() !== "");
  return typeof value === "string" && value.trim() === "" ? undefined : value;
};

export const AS_OF_MESSAGE = "Give a date (2019-11-22), a local time (2019-11-22T12:00) or an instant with its offset (2019-11-22T12:00+09:00).";

/** An instant as asOf takes it: a date, a wall time or an instant with its offset (parsed, not yet resolved in a zone). */
const ZAsOfText = text()
  .trim()
  .max(40, AS_OF_MESSAGE)
  .transform((value, context) => {
    const parsed = parseAsOf(value);
    if (!parsed) {
      context.addIssue({ code: "custom", message: AS_OF_MESSAGE });
      return z.NEVER;
    }
    return parsed;
  });

/** The query fields, to spread into a reader query's object. */
export const ZAsOfFields = {
  asOf: z.preprocess(emptyToUndefined, ZAsOfText.optional()),
  axis: z.preprocess(emptyToUndefined, z.enum(TIME_AXES as ["known", "recorded"], "The axis is known or recorded.").default("known")),
};

/** asOf and axis alone (a subject's page and API read). */
export const ZAsOfQuery = z.object(ZAsOfFields);
export type TAsOfQuery = z.output<typeof ZAsOfQuery>;

/** "What changed since" (decision 036): `since`, an instant as asOf takes it (required; dates and wall times in UTC), and keyset paging. */
export const ZChangesSinceQuery = z.object({
  since: z.preprocess(emptyToUndefined, ZAsOfText.optional()).refine((value) => value !== undefined, "Give the instant to compare with: " + AS_OF_MESSAGE),
  cursor: z.preprocess(emptyToUndefined, text().max(500).regex(/^[A-Za-z0-9_-]+$/, "Not a page cursor.").optional()),
  limit: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1, "Ask for at least 1 row.").max(100, "Ask for at most 100 rows a page.").default(25)),
});
export type TChangesSinceQuery = z.output<typeof ZChangesSinceQuery>;
