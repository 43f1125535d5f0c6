import { z } from "zod";
import { isMarkdownDepthBounded, MAX_MARKDOWN_DEPTH } from "../domain/markdown-depth";
import { localDateTimeToInstant, parsePartialDate, startOfLocalPeriod } from "../domain/dates";
import { isValidTimeZone } from "../domain/zoned-time";
import { STATUS_LABELS, STATUSES_BY_SUBJECT_KIND, isStatusValidFor, type SubjectKind } from "../domain/statuses";
import { CorrectionType, CorroborationLevel, Direction, Status, type DatePrecision } from "../generated/prisma/enums";
import { EDIT_KINDS } from "../domain/corrections";
import { ZCitations } from "./citation";
import { text } from "./text";
import { INSTANT_RANGE_MESSAGE, isInstantInRange } from "./instant";
import { optionalId, optionalText, orList, requiredText, untrimmedText, ZSubjectRef, ZTimeZone, ZVersion } from "./form-input";

export const MAX_BODY_LENGTH = 20_000;
export const MAX_HEADLINE_LENGTH = 200;

const SUBJECT_NAMES: Record<SubjectKind, string> = { AGREEMENT: "An agreement", MEASURE: "A trade measure" };

/** "A trade measure cannot be ‘Notice given’: choose Announced, In force, Eased, Suspended or Lifted". */
export function statusNotValidMessage(kind: SubjectKind, status: Status): string {
  const choices = STATUSES_BY_SUBJECT_KIND[kind].map((choice) => STATUS_LABELS[choice]);
  return `${SUBJECT_NAMES[kind]} cannot be ‘${STATUS_LABELS[status]}’: choose ${orList(choices)}`;
}

export const CITATION_REQUIRED_MESSAGE = "Add at least one citation before publishing";
export const FUTURE_OCCURRED_MESSAGE = "The occurred date cannot be in the future";

// The fields a development has whatever its subject, as a form or a JSON client sends them.
const developmentFields = {
  status: z.enum(Status, { error: "Choose the status after this development" }),
  headline: requiredText(MAX_HEADLINE_LENGTH, "Write a headline", `The headline is limited to ${MAX_HEADLINE_LENGTH} characters`),
  body: untrimmedText(MAX_BODY_LENGTH, "The body is limited to 20,000 characters").refine(
    isMarkdownDepthBounded,
    `The body nests quotes or lists more than ${MAX_MARKDOWN_DEPTH} levels deep: flatten it`,
  ),
  /** "2019-11-22", "2019-11" or "2019": when it happened, as precisely as known. */
  occurredOn: optionalText(10, "Enter the date as YYYY-MM-DD, YYYY-MM or YYYY"),
  timeZone: ZTimeZone,
  /** Optional local "YYYY-MM-DDTHH:mm" at which the new status takes effect (may be in the future). */
  effectiveAt: optionalText(19, "Enter the effective date and time as YYYY-MM-DDTHH:mm"),
  /** Zone of effectiveAt; the development's zone when empty. */
  effectiveTimeZone: optionalText(64, "Choose a time zone from the list"),
  direction: z.preprocess(
    (value) => (value === "" || value === undefined || value === null ? "NEUTRAL" : value),
    z.enum(Direction, { error: "Choose escalation, de-escalation or neutral" }),
  ),
  cancelsId: optionalId("Choose the scheduled change from the list"),
  citations: ZCitations,
};

type TDevelopmentFields = z.output<z.ZodObject<typeof developmentFields>>;

/** The dates of a development as stored: instants, the precision and the zone. */
export type TDevelopmentDates = {
  occurredAt: Date;
  occurredPrecision: DatePrecision;
  effectiveAt: Date | null;
};

type TDateIssue = { path: string; message: string };

// Dates depend on each other (the zone, the precision), so they are read together, against the
// clock at the moment of reading. Fields that failed their own check arrive here as typed.
function readDates(fields: Partial<TDevelopmentFields>): { dates: TDevelopmentDates | null; issues: TDateIssue[] } {
  const issues: TDateIssue[] = [];
  const timeZone = typeof fields.timeZone === "string" && isValidTimeZone(fields.timeZone) ? fields.timeZone : null;
  let dates: TDevelopmentDates | null = null;
  const occurredOn = typeof fields.occurredOn === "string" ? fields.occurredOn.trim() : "";
  const occurred = occurredOn === "" ? null : parsePartialDate(occurredOn);
  if (!occurred) {
    issues.push({ path: "occurredOn", message: "Enter when it happened: YYYY-MM-DD, YYYY-MM or YYYY" });
  } else if (!occurred.ok) {
    issues.push({ path: "occurredOn", message: occurred.reason });
  } else if (timeZone) {
    const occurredAt = startOfLocalPeriod(occurred.date, timeZone);
    if (occurredAt.getTime() > Date.now()) issues.push({ path: "occurredOn", message: FUTURE_OCCURRED_MESSAGE });
    else dates = { occurredAt, occurredPrecision: occurred.date.precision, effectiveAt: null };
  }

  const effectiveText = typeof fields.effectiveAt === "string" ? fields.effectiveAt.trim() : "";
  if (effectiveText === "") return { dates, issues };
  const effectiveZone = typeof fields.effectiveTimeZone === "string" && fields.effectiveTimeZone.trim() !== "" ? fields.effectiveTimeZone.trim() : timeZone;
  if (!effectiveZone || !isValidTimeZone(effectiveZone)) {
    if (timeZone) issues.push({ path: "effectiveTimeZone", message: "Choose a time zone from the list (an IANA name such as Asia/Seoul)" });
    return { dates: null, issues };
  }
  try {
    const effectiveAt = localDateTimeToInstant(effectiveText, effectiveZone);
    if (!isInstantInRange(effectiveAt)) {
      issues.push({ path: "effectiveAt", message: `The effective time must lie before the year 10000 (${INSTANT_RANGE_MESSAGE.toLowerCase()})` });
      return { dates: null, issues };
    }
    return { dates: dates && { ...dates, effectiveAt }, issues };
  } catch {
    issues.push({ path: "effectiveAt", message: "Enter the effective date and time as YYYY-MM-DDTHH:mm, e.g. 2019-11-23T00:00" });
    return { dates: null, issues };
  }
}

function addDateIssues(fields: Partial<TDevelopmentFields>, context: z.RefinementCtx): void {
  for (const issue of readDates(fields).issues) context.addIssue({ code: "custom", path: [issue.path], message: issue.message });
}

function toDevelopment(fields: TDevelopmentFields) {
  const { occurredOn: _occurredOn, effectiveAt: _effectiveAt, effectiveTimeZone: _effectiveTimeZone, ...rest } = fields;
  // Only reached when readDates found no issue, so the dates are there.
  const { dates } = readDates(fields);
  return { ...rest, ...(dates as TDevelopmentDates) };
}

function isPublishingWithoutCitations(fields: { intent?: unknown; citations?: unknown }): boolean {
  return fields.intent === "publish" && Array.isArray(fields.citations) && fields.citations.length === 0;
}

/** Logging a development: its subject, what changed, when, and the citations backing it. */
export const ZLogStatusChange = z
  .object({
    subject: ZSubjectRef,
    ...developmentFields,
    intent: z.preprocess(
      (value) => (value === "" || value === undefined || value === null ? "draft" : value),
      z.enum(["draft", "publish"], { error: "Choose Save draft or Publish" }),
    ),
  })
  // superRefine runs even when single fields failed, so every mistake is reported at once.
  .superRefine((fields, context) => {
    const { subject, status } = fields as Partial<typeof fields>;
    if (subject && typeof subject === "object" && typeof status === "string" && status in STATUS_LABELS && !isStatusValidFor(subject.kind, status)) {
      context.addIssue({ code: "custom", path: ["status"], message: statusNotValidMessage(subject.kind, status) });
    }
    if (isPublishingWithoutCitations(fields)) context.addIssue({ code: "custom", path: ["citations"], message: CITATION_REQUIRED_MESSAGE });
    addDateIssues(fields, context);
  })
  .transform(({ subject, intent, ...fields }) => ({ subject, intent, ...toDevelopment(fields) }))
  .meta({ examples: [{
    subject: "agreement:gsomia",
    status: "NOTICE_GIVEN",
    headline: "Korea gives notice to end GSOMIA",
    body: "Seoul notifies Tokyo that it will not renew the agreement when its term ends.",
    occurredOn: "2019-08-22",
    timeZone: "Asia/Seoul",
    effectiveAt: "2019-11-23T00:00",
    direction: "ESCALATION",
    citations: [
      {
        url: "https://www.mofa.go.kr/eng/brd/m_5676/view.do?seq=320721",
        title: "Statement on the termination of GSOMIA",
        publisher: "Ministry of Foreign Affairs of the Republic of Korea",
        kind: "GOVERNMENT",
        quote: "The government has decided to terminate the GSOMIA.",
        credibility: 1,
      },
    ],
    intent: "publish",
  }] });
export type TLogStatusChange = z.output<typeof ZLogStatusChange>;

export const MAX_REASON_LENGTH = 1000;
export const EDIT_KIND_MESSAGE = "Say whether this edit is a clarification (wording only) or a correction (a fact changes)";
export const CORRECTION_TYPE_MESSAGE = "Choose what the correction puts right";
export const REASON_MESSAGE = "Say why you are changing a published entry: readers see the reason";

const emptyAsUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

// Why a published entry is edited (issue 12). Optional in the shape, since a draft's edit has no
// reason; ZRevisionNote below is what an edit of a published entry must satisfy.
const revisionNoteFields = {
  changeKind: z.preprocess(emptyAsUndefined, z.enum(EDIT_KINDS, { error: EDIT_KIND_MESSAGE }).optional()),
  correctionType: z.preprocess(emptyAsUndefined, z.enum(CorrectionType, { error: CORRECTION_TYPE_MESSAGE }).optional()),
  reason: optionalText(MAX_REASON_LENGTH, `The reason is limited to ${MAX_REASON_LENGTH.toLocaleString("en")} characters`),
};

/** What an edit of a published entry must say: its kind, for a correction its type, and why. */
export const ZRevisionNote = z
  .object({
    changeKind: z.enum(EDIT_KINDS, { error: EDIT_KIND_MESSAGE }),
    correctionType: z.enum(CorrectionType).optional(),
    reason: text().min(1, REASON_MESSAGE),
  })
  .superRefine((note, context) => {
    if (note.changeKind === "CORRECTION" && !note.correctionType) context.addIssue({ code: "custom", path: ["correctionType"], message: CORRECTION_TYPE_MESSAGE });
  })
  // A clarification changes no fact, so it has no correction type even if the form sent one.
  .transform((note) => ({ kind: note.changeKind, correctionType: note.changeKind === "CORRECTION" ? (note.correctionType ?? null) : null, reason: note.reason }));
export type TRevisionNote = z.output<typeof ZRevisionNote>;

/**
 * Editing a development: the same fields (the subject stays), the version the form was opened
 * at, and whether to publish a draft. Whether the status fits the subject is checked by the use
 * case, which knows the subject.
 */
export const ZEditStatusChange = z
  .object({
    id: z.uuid({ error: "This entry does not exist" }),
    version: ZVersion,
    ...developmentFields,
    ...revisionNoteFields,
    intent: z.preprocess(
      (value) => (value === "" || value === undefined || value === null ? "save" : value),
      z.enum(["save", "publish"], { error: "Choose Save or Publish" }),
    ),
  })
  .superRefine((fields, context) => {
    if (isPublishingWithoutCitations(fields)) context.addIssue({ code: "custom", path: ["citations"], message: CITATION_REQUIRED_MESSAGE });
    addDateIssues(fields, context);
  })
  .transform(({ id, version, intent, changeKind, correctionType, reason, ...fields }) => ({
    id,
    version,
    intent,
    /** As typed; the use case holds it to ZRevisionNote when the entry is published. */
    note: { changeKind, correctionType, reason },
    ...toDevelopment(fields),
  }))
  // The example is what a PATCH sends: the version it read and the fields it changes.
  .meta({ examples: [{ version: 2, headline: "Korea gives formal notice to end GSOMIA", changeKind: "CLARIFICATION", reason: "The headline now says the notice was formal." }] });
export type TEditStatusChange = z.output<typeof ZEditStatusChange>;

/** Publishing a draft as it stands. */
export const ZPublishStatusChange = z
  .object({
    id: z.uuid({ error: "This entry does not exist" }),
    version: ZVersion,
  })
  .meta({ examples: [{ version: 1 }] });
export type TPublishStatusChange = z.output<typeof ZPublishStatusChange>;

/** Retracting a published entry (admins): it stays in the history, marked, with the reason. */
export const ZRetractStatusChange = z.object({
  id: z.uuid({ error: "This entry does not exist" }),
  version: ZVersion,
  reason: requiredText(1000, "Say why the entry is retracted: readers see the reason", "The reason is limited to 1,000 characters"),
}).meta({ examples: [{ version: 2, reason: "The announcement was misreported; see the ministry's correction of the same day." }] });
export type TRetractStatusChange = z.output<typeof ZRetractStatusChange>;

/** "The source erred: …" on one citation of a published entry (issue 12): what the source itself got wrong. */
export const ZMarkSourceErratum = z
  .object({
    id: z.uuid({ error: "This entry does not exist" }),
    version: ZVersion,
    sourceId: z.uuid({ error: "Choose one of the entry's citations" }),
    erratum: requiredText(MAX_REASON_LENGTH, "Say what the source got wrong: readers see it beside the citation", `The erratum is limited to ${MAX_REASON_LENGTH.toLocaleString("en")} characters`),
  })
  .meta({ examples: [{ version: 3, sourceId: "0190a0a0-0000-7000-8000-000000000000", erratum: "Gives 7 August 2019, the promulgation date, as the effective date; the order took effect on 28 August." }] });
export type TMarkSourceErratum = z.output<typeof ZMarkSourceErratum>;
/**
 * An analyst's judgment of a published development's corroboration: the level (the rule's, to
 * accept it, or another, to override it) with the reason readers see; an empty level clears it.
 */
export const ZJudgeCorroboration = z.object({
  id: z.uuid({ error: "This entry does not exist" }),
  version: ZVersion,
  level: z.preprocess(
    (value) => (value === "" || value === undefined ? null : value),
    z.enum(CorroborationLevel, { error: "Choose a corroboration level, or none to go back to the rule's" }).nullable(),
  ),
  reason: optionalText(1000, "The reason is limited to 1,000 characters"),
}).superRefine((input, context) => {
  if (input.level && input.reason === "") context.addIssue({ code: "custom", path: ["reason"], message: "Say why: readers see the reason beside the level" });
}).meta({ examples: [{ version: 3, level: "CORROBORATED", reason: "The two reports share no wire copy: checked against both texts." }] });
export type TJudgeCorroboration = z.output<typeof ZJudgeCorroboration>;
