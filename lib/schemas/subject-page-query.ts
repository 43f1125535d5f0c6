import { z } from "zod";
import { recordId } from "./record-id";
import { ZCursor, pageLimit } from "./reader-queries";
import { text } from "./text";

const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : Array.isArray(value) ? value[0] : value);
const ZSlug = z.preprocess(blankToUndefined, text().trim().toLowerCase().regex(/^[a-z0-9-]{1,100}$/, "Not a known address.").optional());

/**
 * The query of a list of things that hang on a subject (conditions, positions): at most one of
 * agreement, measure or statusChange (none: all of them), keyset-paged; `extra` adds fields
 * (asOf and axis, for a list that reads as of an instant).
 */
export function subjectPageQuery<TExtra extends z.ZodRawShape = Record<never, never>>(extra: TExtra = {} as TExtra) {
  return z
    .object({
      ...extra,
      agreement: ZSlug,
      measure: ZSlug,
      statusChange: z.preprocess(blankToUndefined, recordId("Not a development's id.").optional()),
      cursor: ZCursor,
      limit: pageLimit(50),
    })
    .refine((query) => {
      const { agreement, measure, statusChange } = query as { agreement?: string; measure?: string; statusChange?: string };
      return [agreement, measure, statusChange].filter(Boolean).length <= 1;
    }, {
      message: "Name one agreement, measure or statusChange (a development's id).",
      path: ["agreement"],
    });
}
