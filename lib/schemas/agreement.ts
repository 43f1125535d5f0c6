import { z } from "zod";
import { text } from "./text";
import { AgreementKind } from "../generated/prisma/enums";
import { listOf, optionalCalendarDate, optionalInteger, optionalText, requiredText, ZCheckbox, ZTimeZone, ZVersion } from "./form-input";

/** A party named by its code (JPN, KOR, EU). */
export const ZPartyCode = z.preprocess(
  (value) => (typeof value === "string" ? value.trim().toUpperCase() : value),
  text().regex(/^[A-Z][A-Z0-9]{1,9}$/, "Choose the parties from the list"),
);

const agreementFields = {
  title: requiredText(300, "Enter the agreement's full title", "A title is limited to 300 characters"),
  shortName: optionalText(40, "A short name (such as GSOMIA) is limited to 40 characters"),
  kind: z.enum(AgreementKind, { error: "Choose the kind of agreement" }),
  partyCodes: listOf(ZPartyCode)
    .transform((codes) => [...new Set(codes)])
    .refine((codes) => codes.length >= 2, "Choose at least two parties")
    .refine((codes) => codes.length <= 200, "At most 200 parties"),
  signedOn: optionalCalendarDate("Enter the signing date as YYYY-MM-DD"),
  inForceOn: optionalCalendarDate("Enter the date of entry into force as YYYY-MM-DD"),
  termMonths: optionalInteger(1, 1200, "Give the term as a whole number of months (1 to 1200), or leave it empty if open-ended"),
  autoRenews: ZCheckbox,
  noticeDays: optionalInteger(0, 3650, "Give the notice period as a whole number of days (0 to 3650), or leave it empty"),
  timeZone: ZTimeZone,
  summary: optionalText(5000, "The summary is limited to 5,000 characters"),
};

type TAgreementFields = z.output<z.ZodObject<typeof agreementFields>>;

function checkAgreement(agreement: Partial<TAgreementFields>, context: z.RefinementCtx): void {
  const { signedOn, inForceOn, autoRenews, termMonths } = agreement;
  if (signedOn instanceof Date && inForceOn instanceof Date && inForceOn < signedOn) {
    context.addIssue({ code: "custom", path: ["inForceOn"], message: "An agreement cannot enter into force before it is signed" });
  }
  if (autoRenews === true && (termMonths === null || termMonths === undefined)) {
    context.addIssue({ code: "custom", path: ["termMonths"], message: "An agreement that renews automatically needs a term in months" });
  }
  // A first term ending past the year 9999 has no date the pages or the database can show.
  if (inForceOn instanceof Date && typeof termMonths === "number" && inForceOn.getUTCFullYear() * 12 + inForceOn.getUTCMonth() + termMonths >= 10000 * 12) {
    context.addIssue({ code: "custom", path: ["termMonths"], message: "The first term would end after the year 9999: check the date of entry into force and the term" });
  }
}

/** Creating an agreement (its slug is made from the short name or title, once). */
export const ZAgreement = z.object(agreementFields).superRefine(checkAgreement);
export type TAgreement = z.output<typeof ZAgreement>;

/** Editing an agreement: the same fields and the version the form was opened at; the slug stays. */
export const ZUpdateAgreement = z.object({ ...agreementFields, version: ZVersion }).superRefine(checkAgreement);
export type TUpdateAgreement = z.output<typeof ZUpdateAgreement>;
