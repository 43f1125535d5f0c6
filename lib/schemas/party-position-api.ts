import { z } from "zod";
import { DatePrecision } from "../generated/prisma/enums";
import { recordId } from "./record-id";
import { ZCursor, pageLimit } from "./reader-queries";
import { listBody, ZIdJson, ZInstantJson } from "./responses/common";
import { text } from "./text";

const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : Array.isArray(value) ? value[0] : value);
const ZSlug = z.preprocess(blankToUndefined, text().trim().toLowerCase().regex(/^[a-z0-9-]{1,100}$/, "Not a known address.").optional());

/** GET /api/v1/positions: at most one of agreement, measure or statusChange (none: every published position). */
export const ZPositionQuery = z
  .object({
    agreement: ZSlug,
    measure: ZSlug,
    statusChange: z.preprocess(blankToUndefined, recordId("Not a development's id.").optional()),
    cursor: ZCursor,
    limit: pageLimit(50),
  })
  .refine((query) => [query.agreement, query.measure, query.statusChange].filter(Boolean).length <= 1, {
    message: "Name one agreement, measure or statusChange (a development's id).",
    path: ["agreement"],
  });

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
