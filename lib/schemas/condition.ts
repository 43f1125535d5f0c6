import { z } from "zod";
import { parsePartialDate, startOfLocalPeriod } from "../domain/dates";
import { isValidTimeZone } from "../domain/zoned-time";
import { ConditionState, type DatePrecision } from "../generated/prisma/enums";
import { ZCitations } from "./citation";
import { optionalText, requiredText, ZSubjectRef, ZTimeZone, ZVersion } from "./form-input";
import { FUTURE_OCCURRED_MESSAGE } from "./status-change";

export const MAX_CONDITION_STATEMENT_LENGTH = 1000;
export const MAX_CONDITION_NOTE_LENGTH = 2000;
export const CONDITION_CITATION_REQUIRED_MESSAGE = "Cite at least one source for this state";

// A state of a condition is public as soon as it is recorded (decision 031), so, like a published
// development, it needs a citation and a date no later than today.
const stateFields = {
  state: z.enum(ConditionState, { error: "Choose holding, met, breached, lapsed or withdrawn" }),
  note: optionalText(MAX_CONDITION_NOTE_LENGTH, `The note is limited to ${MAX_CONDITION_NOTE_LENGTH.toLocaleString("en")} characters`),
  /** "2020-06-02", "2020-06" or "2020". */
  occurredOn: optionalText(10, "Enter the date as YYYY-MM-DD, YYYY-MM or YYYY"),
  timeZone: ZTimeZone,
  citations: ZCitations,
};

type TStateFields = { occurredOn?: unknown; timeZone?: unknown; citations?: unknown };

function readOccurred(fields: TStateFields): { occurredAt: Date; occurredPrecision: DatePrecision } | string | null {
  const text = typeof fields.occurredOn === "string" ? fields.occurredOn.trim() : "";
  if (text === "") return "Enter when it happened: YYYY-MM-DD, YYYY-MM or YYYY";
  const parsed = parsePartialDate(text);
  if (!parsed.ok) return parsed.reason;
  // A zone that failed its own check is reported beside the zone field.
  if (typeof fields.timeZone !== "string" || !isValidTimeZone(fields.timeZone.trim())) return null;
  const occurredAt = startOfLocalPeriod(parsed.date, fields.timeZone.trim());
  if (occurredAt.getTime() > Date.now()) return FUTURE_OCCURRED_MESSAGE;
  return { occurredAt, occurredPrecision: parsed.date.precision };
}

function checkState(fields: TStateFields, context: z.RefinementCtx): void {
  const occurred = readOccurred(fields);
  if (typeof occurred === "string") context.addIssue({ code: "custom", path: ["occurredOn"], message: occurred });
  if (Array.isArray(fields.citations) && fields.citations.length === 0) {
    context.addIssue({ code: "custom", path: ["citations"], message: CONDITION_CITATION_REQUIRED_MESSAGE });
  }
}

function toState<T extends TStateFields & { occurredOn: string }>(fields: T) {
  const { occurredOn: _occurredOn, ...rest } = fields;
  // Only reached when checkState found no issue, so the date is there.
  return { ...rest, ...(readOccurred(fields) as { occurredAt: Date; occurredPrecision: DatePrecision }) };
}

/** "" or "agreement:slug" / "measure:slug": what a condition depends on, where there is one. */
const ZDependsOn = z.preprocess((value) => (value === "" || value === undefined || value === null ? null : value), ZSubjectRef.nullable());

/** Adding a condition to a development, with its first state. */
export const ZAddCondition = z
  .object({
    statusChangeId: z.uuid({ error: "This development does not exist" }),
    statement: requiredText(MAX_CONDITION_STATEMENT_LENGTH, "State the condition", `A condition is limited to ${MAX_CONDITION_STATEMENT_LENGTH.toLocaleString("en")} characters`),
    dependsOn: ZDependsOn,
    ...stateFields,
  })
  .superRefine((fields, context) => checkState(fields, context))
  .transform((fields) => toState(fields))
  .meta({ examples: [{
    statusChangeId: "0190a3c2-0000-7000-8000-000000000000",
    statement: "South Korea can end the suspension of its termination notice at any time",
    state: "HOLDING",
    occurredOn: "2019-11-22",
    timeZone: "Asia/Seoul",
    citations: [{ url: "https://m-en.yna.co.kr/view/AEN20191122008800315", credibility: 1 }],
  }] });
export type TAddCondition = z.output<typeof ZAddCondition>;

/** Recording a new state of a condition, at the version the form was opened at. */
export const ZRecordConditionState = z
  .object({ conditionId: z.uuid({ error: "This condition does not exist" }), version: ZVersion, ...stateFields })
  .superRefine((fields, context) => checkState(fields, context))
  .transform((fields) => toState(fields))
  .meta({ examples: [{ version: 1, state: "BREACHED", occurredOn: "2020-06-02", timeZone: "Asia/Seoul", citations: [{ url: "https://wtop.com/europe/2020/07/trade-dispute-panel-set-up-for-south-korea-japan-case/", credibility: 2 }] }] });
export type TRecordConditionState = z.output<typeof ZRecordConditionState>;
