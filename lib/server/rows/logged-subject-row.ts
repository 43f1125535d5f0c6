import "server-only";
import { z } from "zod";

/**
 * The agreement or measure a development is logged against, with the desk's review setting read
 * in the same statement (check-development.ts findSubject): a publish's round trips are its cost.
 */
export const ZLoggedSubjectRow = z
  .object({
    id: z.string(),
    title: z.string(),
    /** An agreement's short name (a measure has none); agreementName() chooses what a snapshot shows. */
    shortName: z.string().nullable(),
    timeZone: z.string(),
    isReviewRequired: z.boolean(),
  })
  .describe("logged subject row");
