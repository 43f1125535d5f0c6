import { z } from "zod";
import { EntryState, ReviewKind, ReviewState } from "../../generated/prisma/enums";
import { ZIdJson, ZVersionJson } from "./common";

// What the write endpoints answer: the record's identity and its new version (send it back as
// "version" with the next edit, or get 409).

export const ZSubjectWrittenBody = z.object({ id: ZIdJson, slug: z.string(), version: ZVersionJson }).meta({ title: "SubjectWritten" });

export const ZPartyWrittenBody = z.object({ id: ZIdJson, code: z.string(), version: ZVersionJson }).meta({ title: "PartyWritten" });

/** A submission for two-person review (decision 034): send its version to approve or return it. */
export const ZReviewWrittenJson = z
  .object({ id: ZIdJson, kind: z.enum(ReviewKind), state: z.enum(ReviewState), version: ZVersionJson })
  .meta({ title: "ReviewWritten" });

export const ZDevelopmentWrittenBody = z
  .object({
    id: ZIdJson,
    state: z.enum(EntryState),
    version: ZVersionJson,
    subject: z.object({ kind: z.enum(["AGREEMENT", "MEASURE"]), slug: z.string() }),
    /** Present when the write was submitted for review, or decided a submission, instead of taking effect alone. */
    review: ZReviewWrittenJson.optional(),
  })
  .meta({ title: "DevelopmentWritten" });

/** What returning a submission answers: the entry as it stands (unchanged) and the returned submission. */
export const ZReviewReturnedBody = z
  .object({ id: ZIdJson, state: z.enum(EntryState), version: ZVersionJson, review: ZReviewWrittenJson })
  .meta({ title: "ReviewReturned" });
