import { z } from "zod";
import { text } from "./text";
import { MeasureType } from "../generated/prisma/enums";
import { ZPartyCode } from "./agreement";
import { listOf, optionalCalendarDate, optionalText, requiredText, ZTimeZone, ZVersion } from "./form-input";
import { ZLinks } from "./link";

const HS_CODE = /^\d{2}(\d{2}){0,4}$|^\d{4}\.\d{2}(\.?\d{2,4})?$/;

// HS codes arrive as one text field ("2811.11, 2903.39") or as a JSON array.
const ZHsCodes = z
  .preprocess((value) => (typeof value === "string" ? value.split(/[\s,;]+/) : value), listOf(text().trim()))
  .superRefine((codes, context) => {
    const wrong = codes.filter((code) => !HS_CODE.test(code));
    if (wrong.length > 0) {
      context.addIssue({
        code: "custom",
        message: `${wrong.slice(0, 3).join(", ")} ${wrong.length === 1 ? "is not an HS code" : "are not HS codes"}: use 2 to 10 digits, such as 2811 or 2811.19`,
      });
    }
    if (codes.length > 200) context.addIssue({ code: "custom", message: "At most 200 HS codes" });
  })
  .transform((codes) => [...new Set(codes)]);

const measureFields = {
  title: requiredText(300, "Enter the measure's title", "A title is limited to 300 characters"),
  imposingPartyCode: ZPartyCode,
  targetPartyCodes: listOf(ZPartyCode)
    .transform((codes) => [...new Set(codes)])
    .refine((codes) => codes.length >= 1, "Choose at least one target party")
    .refine((codes) => codes.length <= 200, "At most 200 target parties"),
  measureType: z.enum(MeasureType, { error: "Choose the type of measure" }),
  products: optionalText(5000, "The products description is limited to 5,000 characters"),
  hsCodes: ZHsCodes,
  announcedOn: optionalCalendarDate("Enter the announcement date as YYYY-MM-DD"),
  effectiveOn: optionalCalendarDate("Enter the date it takes effect as YYYY-MM-DD"),
  timeZone: ZTimeZone,
  summary: optionalText(5000, "The summary is limited to 5,000 characters"),
  links: ZLinks,
};

type TMeasureFields = z.output<z.ZodObject<typeof measureFields>>;

function checkMeasure(measure: Partial<TMeasureFields>, context: z.RefinementCtx): void {
  const { imposingPartyCode, targetPartyCodes } = measure;
  if (typeof imposingPartyCode === "string" && Array.isArray(targetPartyCodes) && targetPartyCodes.includes(imposingPartyCode)) {
    context.addIssue({ code: "custom", path: ["targetPartyCodes"], message: "A measure cannot target the party that imposes it" });
  }
}

/** Creating a trade measure (its slug is made from the title, once), with its links. */
export const ZTradeMeasure = z.object(measureFields).superRefine(checkMeasure);
export type TTradeMeasure = z.output<typeof ZTradeMeasure>;

/** Editing a trade measure: the same fields and the version the form was opened at; the slug stays. */
export const ZUpdateTradeMeasure = z.object({ ...measureFields, version: ZVersion }).superRefine(checkMeasure);
export type TUpdateTradeMeasure = z.output<typeof ZUpdateTradeMeasure>;
