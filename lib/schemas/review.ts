import { z } from "zod";
import { requiredText, ZCheckbox, ZVersion } from "./form-input";

// Two-person review (issue 12 item 5, decision 034): the admin's switch, and a reviewer's
// approval or return of one submission. Shared by the desk's forms and the API.

export const MAX_REVIEW_COMMENT_LENGTH = 2000;

/** The admin's switch; `version` is the settings' version when the page was read (0: never saved). */
export const ZSetReviewRequired = z.object({
  isReviewRequired: ZCheckbox,
  version: z.preprocess(
    (value) => (typeof value === "string" ? Number(value) : value),
    z.number({ error: "The form lost track of the setting's version: open the page again" }).int().min(0),
  ),
});
export type TSetReviewRequired = z.output<typeof ZSetReviewRequired>;

/** Approving a submission as it was submitted (its version, to refuse a stale approval). */
export const ZApproveReview = z
  .object({
    id: z.uuid({ error: "This submission does not exist" }),
    version: ZVersion,
  })
  .meta({ examples: [{ version: 1 }] });
export type TApproveReview = z.output<typeof ZApproveReview>;

/** Returning a submission to its author, with the comment they read. */
export const ZReturnReview = z
  .object({
    id: z.uuid({ error: "This submission does not exist" }),
    version: ZVersion,
    comment: requiredText(
      MAX_REVIEW_COMMENT_LENGTH,
      "Say what the author should change: they read your comment",
      `The comment is limited to ${MAX_REVIEW_COMMENT_LENGTH.toLocaleString("en")} characters`,
    ),
  })
  .meta({ examples: [{ version: 1, comment: "The second source gives 23 November, not 22: check the time zone." }] });
export type TReturnReview = z.output<typeof ZReturnReview>;
