import { z } from "zod";
import { CorrectionType, EntryState } from "../../generated/prisma/enums";
import { LOGGED_KINDS } from "../../domain/corrections";
import { listBody, ZAsOfJson, ZIdJson, ZInstantJson } from "./common";

/** One entry of the corrections log (lib/server/corrections/correction-json.ts). */
export const ZCorrectionJson = z.object({
  id: ZIdJson,
  /** When Pactwatch recorded the correction. */
  recordedAt: ZInstantJson,
  kind: z.enum(LOGGED_KINDS),
  kindLabel: z.string(),
  correctionType: z.enum(CorrectionType).nullable(),
  correctionTypeLabel: z.string().nullable(),
  reason: z.string().nullable(),
  /** The development's version this correction made. */
  version: z.int().min(1),
  /** The account's name where it chose to be named, otherwise its role. */
  savedBy: z.string(),
  /** What was wrong and what it is now, one line per changed field or citation. */
  wrong: z.array(z.string()),
  now: z.array(z.string()),
  development: z.object({
    id: ZIdJson,
    url: z.string(),
    revisionsUrl: z.string(),
    headline: z.string(),
    state: z.enum(EntryState),
    subject: z.object({ kind: z.enum(["AGREEMENT", "MEASURE"]), slug: z.string(), name: z.string() }),
  }),
});

/** GET /api/v1/corrections. */
export const ZCorrectionListBody = listBody(ZCorrectionJson, { asOf: ZAsOfJson }).meta({ title: "CorrectionList" });
