import { z } from "zod";
import { DatePrecision } from "../generated/prisma/enums";
import { listBody, ZIdJson, ZInstantJson } from "./responses/common";
import { subjectPageQuery } from "./subject-page-query";
import { text } from "./text";

/** GET /api/v1/positions: at most one of agreement, measure or statusChange (none: every published position). */
export const ZPositionQuery = subjectPageQuery();

/** A published party position: the words as published, their translation, who said them, when, and the source. */
export const ZPositionJson = z.object({
  id: ZIdJson,
  party: z.object({ code: text(), name: text() }),
  subject: z.union([
    z.object({ kind: z.enum(["AGREEMENT", "MEASURE"]), slug: text() }),
    z.object({ kind: z.literal("DEVELOPMENT"), id: ZIdJson }),
  ]),
  speaker: text(),
  quote: text().meta({ description: "Verbatim, in quoteLanguage." }),
  quoteLanguage: text(),
  translation: text().nullable(),
  translationLanguage: text().nullable(),
  translationNote: text().nullable().meta({ description: "Whose translation it is." }),
  statedAt: ZInstantJson,
  statedPrecision: z.enum(DatePrecision),
  timeZone: text(),
  source: z.object({ url: text(), title: text(), publisher: text() }),
  locator: text().nullable(),
  supersedesId: ZIdJson.nullable().meta({ description: "The same party's earlier position on the same subject that this one replaced." }),
});

export const ZPositionListBody = listBody(ZPositionJson, {}).meta({ title: "PositionList" });

export const ZPositionWrittenBody = z.object({ id: ZIdJson, version: z.int().min(1), supersedesId: ZIdJson.nullable() }).meta({ title: "PositionWritten" });
