import { z } from "zod";
import { ConditionState, DatePrecision } from "../generated/prisma/enums";
import { ZAsOfFields } from "./as-of";
import { listBody, ZAsOfJson, ZIdJson, ZInstantJson } from "./responses/common";
import { subjectPageQuery } from "./subject-page-query";
import { text } from "./text";

/** GET /api/v1/conditions: at most one of agreement, measure or statusChange (none: every published condition, oldest first). */
export const ZConditionQuery = subjectPageQuery(ZAsOfFields);

const ZSubjectJson = z.object({ kind: z.enum(["AGREEMENT", "MEASURE"]), slug: text(), name: text() });

/** A published condition with its history of states, oldest first. */
export const ZConditionJson = z.object({
  id: ZIdJson,
  statement: text(),
  currentState: z.enum(ConditionState).nullable(),
  isLive: z.boolean().meta({ description: "Holding or breached: the condition still governs its subject." }),
  development: z.object({ id: ZIdJson, headline: text(), occurredAt: ZInstantJson, occurredPrecision: z.enum(DatePrecision), timeZone: text(), subject: ZSubjectJson }),
  dependsOn: ZSubjectJson.nullable(),
  states: z.array(
    z.object({
      state: z.enum(ConditionState),
      note: text(),
      occurredAt: ZInstantJson,
      occurredPrecision: z.enum(DatePrecision),
      timeZone: text(),
      citations: z.array(
        z.object({
          quote: text().nullable(),
          quoteOriginal: text().nullable(),
          quoteLanguage: text().nullable(),
          locator: text().nullable(),
          credibility: z.int(),
          source: z.object({
            url: text(),
            title: text(),
            publisher: text(),
            retiredAt: ZInstantJson.nullable().meta({ description: "When an admin retired the source (wrong, withdrawn, link dead); null while it stands." }),
            retiredReason: text().nullable(),
          }),
        }),
      ),
    }),
  ),
});

export const ZConditionListBody = listBody(ZConditionJson, { asOf: ZAsOfJson }).meta({ title: "ConditionList" });

export const ZConditionWrittenBody = z.object({ id: ZIdJson, version: z.int().min(1), statusChangeId: ZIdJson }).meta({ title: "ConditionWritten" });
