import { z } from "zod";
import { DatePrecision, Direction, EntryState, Status } from "../../generated/prisma/enums";
import { CORROBORATION_LEVELS } from "../../domain/corroboration";
import { listBody, ZAsOfJson, ZIdJson, ZInstantJson } from "./common";
import { SOURCE_JSON_FIELDS } from "./source-responses";

/** A published or retracted development with its citations (lib/server/exports/export-developments.ts). */
export const ZDevelopmentJson = z.object({
  id: ZIdJson,
  url: z.string().meta({ description: "The development's page." }),
  subject: z.object({ kind: z.enum(["AGREEMENT", "MEASURE"]), slug: z.string(), name: z.string(), title: z.string() }),
  status: z.enum(Status),
  direction: z.enum(Direction),
  state: z.enum(EntryState),
  headline: z.string(),
  body: z.string(),
  occurred: z.string().meta({ description: "When it happened, as precisely as known, in its zone: YYYY-MM-DD, YYYY-MM or YYYY." }),
  occurredAt: ZInstantJson,
  occurredPrecision: z.enum(DatePrecision),
  timeZone: z.string(),
  effectiveAt: ZInstantJson.nullable(),
  schedule: z.enum(["pending", "cancelled", "took-effect"]).nullable(),
  cancelsId: ZIdJson.nullable(),
  publishedAt: ZInstantJson.nullable(),
  knownAt: ZInstantJson.nullable().meta({ description: "Knowledge time: from when the development was public, its earliest cited source that could report it (a date-only source counts from the end of that day)." }),
  retraction: z.object({ at: ZInstantJson, by: z.string().nullable(), reason: z.string().nullable() }).nullable(),
  /** Saves after publication, the last one's time, and how many were corrections (issue 12). */
  revisions: z.object({ count: z.int().min(0), lastAt: ZInstantJson.nullable(), corrections: z.int().min(0) }),
  corroboration: z
    .object({
      level: z.enum(CORROBORATION_LEVELS).meta({ description: "The analyst's level where one judged it, else the rule's." }),
      suggestedLevel: z.enum(CORROBORATION_LEVELS).meta({ description: "The rule's level." }),
      judgment: z.object({ level: z.enum(CORROBORATION_LEVELS), reason: z.string() }).nullable().meta({ description: "An analyst's acceptance or override of the rule's level, with the reason." }),
      independent: z.int().min(0).meta({ description: "Independent sources among those cited: sources sharing a publisher, an owner or wire group, or carrying another's report count once; retired sources not at all." }),
      gradedBOrBetter: z.int().min(0).meta({ description: "Of those, how many are graded A or B for reliability." }),
      summary: z.string(),
    })
    .meta({ description: "How many independent, graded sources back the development (the rule is on /methodology#corroboration)." }),
  citations: z.array(
    z.object({
      quote: z.string().nullable(),
      quoteOriginal: z.string().nullable(),
      quoteLanguage: z.string().nullable(),
      locator: z.string().nullable(),
      credibility: z.int(),
      grade: z.string().meta({ description: "The Admiralty grade: the source's reliability (A–F) and the claim's credibility (1–6), e.g. B2." }),
      /** "The source erred: …", what the source itself got wrong (issue 12); null when nothing is noted. */
      erratum: z.string().nullable(),
      source: z.object({ ...SOURCE_JSON_FIELDS, archiveUrl: z.string().nullable() }),
    }),
  ),
});

/** GET /api/v1/status-changes: a page of developments, newest first. */
export const ZDevelopmentListBody = listBody(ZDevelopmentJson, {}).meta({ title: "DevelopmentList" });

/** GET /api/v1/status-changes/{id}. */
export const ZDevelopmentBody = z.object({ data: ZDevelopmentJson, asOf: ZAsOfJson }).meta({ title: "Development" });
