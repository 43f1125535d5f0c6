import { z } from "zod";
import { DatePrecision } from "../generated/prisma/enums";
import { ZAsOfFields } from "./as-of";
import { listBody, ZAsOfJson, ZIdJson, ZInstantJson } from "./responses/common";
import { subjectPageQuery } from "./subject-page-query";
import { text } from "./text";

/** GET /api/v1/positions: at most one of agreement, measure or statusChange (none: every published position); asOf and axis read the positions that stood then. */
export const ZPositionQuery = subjectPageQuery(ZAsOfFields);

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

export const ZPositionListBody = listBody(ZPositionJson, { asOf: ZAsOfJson }).meta({ title: "PositionList" });

/** GET /api/v1/positions/{id}: one position as it stood, with the position that had superseded it by then. */
export const ZPositionBody = z
  .object({
    data: ZPositionJson.extend({
      supersededById: ZIdJson.nullable().meta({ description: "The same party's later position that replaced this one (as of the instant read), or null while it stands." }),
      asOf: ZAsOfJson,
    }),
  })
  .meta({ title: "Position" });

export const ZPositionWrittenBody = z.object({ id: ZIdJson, version: z.int().min(1), supersedesId: ZIdJson.nullable() }).meta({ title: "PositionWritten" });
