import { z } from "zod";
import { optionalText, requiredText, ZVersion } from "./form-input";

// An analyst's judgment of a pair the mirror view proposed (lib/domain/mirror-pairing.ts):
// confirmed, it becomes a RETALIATION_FOR link from the answer to the original; dismissed, it is
// never proposed again. Measures are named by slug, as the desk's forms and the API name them.

const measureSlug = (missing: string) =>
  requiredText(100, missing, "Not a measure of this record").refine((slug) => /^[a-z0-9][a-z0-9-]{0,79}$/.test(slug), "Not a measure of this record");

/** Confirming a proposed pair: the answer's version the analyst saw (the link is one of its fields), and an optional note. */
export const ZConfirmMirrorPair = z
  .object({
    originalSlug: measureSlug("Say which measure was answered"),
    answerSlug: measureSlug("Say which measure answers it"),
    version: ZVersion,
    note: optionalText(500, "A note on a link is limited to 500 characters"),
  })
  .refine((input) => input.originalSlug !== input.answerSlug, { path: ["answerSlug"], message: "A measure cannot answer itself" })
  .meta({ examples: [{ originalSlug: "japan-removes-korea-from-white-list", answerSlug: "korea-removes-japan-from-white-list", version: 1, note: "" }] });
export type TConfirmMirrorPair = z.output<typeof ZConfirmMirrorPair>;

/** Dismissing a proposed pair, with the reason (kept on the dismissal and in the audit log). */
export const ZDismissMirrorPair = z
  .object({
    firstSlug: measureSlug("Say which two measures are not a pair"),
    secondSlug: measureSlug("Say which two measures are not a pair"),
    reason: requiredText(1000, "Say why these two measures do not answer each other", "A reason is limited to 1,000 characters"),
  })
  .refine((input) => input.firstSlug !== input.secondSlug, { path: ["secondSlug"], message: "Choose two different measures" })
  .meta({ examples: [{ firstSlug: "japan-export-controls-semiconductor-materials", secondSlug: "korea-removes-japan-from-white-list", reason: "Different products and no report links them." }] });
export type TDismissMirrorPair = z.output<typeof ZDismissMirrorPair>;
