import { z } from "zod";
import { text } from "./text";
import { AgreementKind, CorrectionType, CorroborationLevel, Direction, MeasureType, PartyKind, Reliability, SourceKind, Status } from "../generated/prisma/enums";
import { LOGGED_KINDS } from "../domain/corrections";
import { partialDateRange, type InstantRange } from "../domain/date-range";
import { AGREEMENT_STATUSES, MEASURE_STATUSES } from "../domain/statuses";
import { ZAsOfFields } from "./as-of";

// The query strings of the reader's lists, shared by the pages (plain GET forms), the JSON API,
// the feeds and the exports, so a filtered view has one URL shape everywhere: ?q=…&party=JPN&…

/** A search-parameter value as Next.js and URLSearchParams give it. */
type TParamValue = string | string[] | undefined;

/** Turns URLSearchParams or Next's searchParams object into plain values (repeated names become arrays). */
export function paramsToObject(params: URLSearchParams | Record<string, TParamValue>): Record<string, TParamValue> {
  if (!(params instanceof URLSearchParams)) return params;
  const result: Record<string, TParamValue> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    result[key] = values.length > 1 ? values : values[0];
  }
  return result;
}

const emptyToUndefined = (value: unknown) => {
  if (Array.isArray(value)) value = value.find((item) => typeof item === "string" && item.trim() !== "");
  return typeof value === "string" && value.trim() === "" ? undefined : value;
};

/** Several values from repeated names or one comma-separated value; empties dropped. */
function list<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => {
    const values = (Array.isArray(value) ? value : value === undefined ? [] : [value])
      .flatMap((entry) => (typeof entry === "string" ? entry.split(",") : [entry]))
      .map((entry) => (typeof entry === "string" ? entry.trim() : entry))
      .filter((entry) => entry !== "");
    return values;
  }, z.array(item).max(20, "Pick at most 20 values."));
}

const ZText = z.preprocess(emptyToUndefined, text().trim().max(200, "Search for at most 200 characters.").optional());
const ZSlug = z.preprocess(emptyToUndefined, text().trim().toLowerCase().regex(/^[a-z0-9-]{1,100}$/, "Not a known address.").optional());
const ZPartyCode = text().trim().toUpperCase().regex(/^[A-Z0-9]{2,12}$/, "Party codes are letters such as JPN or EU.");
const ZPartyCodeOptional = z.preprocess(emptyToUndefined, ZPartyCode.optional());
export const ZCursor = z.preprocess(emptyToUndefined, text().max(500).regex(/^[A-Za-z0-9_-]+$/, "Not a page cursor.").optional());
const ZPartialDateText = z.preprocess(emptyToUndefined, text().trim().max(10).optional());

/** A dyad written "JPN-KOR" (either order). */
export const ZPartyPair = text()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{2,12}-[A-Z0-9]{2,12}$/, "Write a pair of parties as two codes joined by a hyphen, e.g. JPN-KOR.")
  .transform((pair) => pair.split("-") as [string, string])
  .refine(([first, second]) => first !== second, "A relation needs two different parties.");

/** A page size: `defaultSize` when left out, at most 100 (the cap every list of the API shares). */
export function pageLimit(defaultSize: number) {
  return z.preprocess(emptyToUndefined, z.coerce.number().int().min(1, "Ask for at least 1 row.").max(100, "Ask for at most 100 rows a page.").default(defaultSize));
}

/** "from"/"to" partial dates, checked together and read as a range of instants (UTC). */
function withDateRange<T extends { from?: string; to?: string }>(value: T, context: z.RefinementCtx): T & { range: InstantRange } {
  const result = partialDateRange(value.from, value.to);
  if (!result.ok) {
    context.addIssue({ code: "custom", path: [result.reason.startsWith("To") ? "to" : "from"], message: result.reason });
    return { ...value, range: { start: null, end: null } };
  }
  return { ...value, range: result.range };
}

/** The filters of a history of developments, before paging and reading as of an instant. */
const DEVELOPMENT_FILTER_FIELDS = {
  q: ZText,
  agreement: ZSlug,
  measure: ZSlug,
  party: ZPartyCodeOptional,
  pair: z.preprocess(emptyToUndefined, ZPartyPair.optional()),
  status: list(z.enum(Status, "Not a status.")),
  direction: list(z.enum(Direction, "Not a direction.")),
  from: ZPartialDateText,
  to: ZPartialDateText,
  /** Retracted entries are shown by default, marked; "published" leaves them out. */
  state: z.preprocess(emptyToUndefined, z.enum(["all", "published"]).default("all")),
  order: z.preprocess(emptyToUndefined, z.enum(["effective", "occurred"]).default("effective")),
  /** The level readers see (the analyst's judgment, else the rule's; decision 038), any of those given. */
  corroboration: list(z.enum(CorroborationLevel, "Not a level of corroboration.")),
};

/** Filters of a history of developments: all of them, one subject's, a party's or a pair's. */
export const ZDevelopmentQuery = z
  .object({
    ...DEVELOPMENT_FILTER_FIELDS,
    ...ZAsOfFields,
    cursor: ZCursor,
    limit: pageLimit(20),
  })
  .superRefine((query, context) => {
    // The stored level is today's; a past reading shows the rule's level over the citations of then.
    if (query.corroboration.length > 0 && query.asOf) {
      context.addIssue({ code: "custom", path: ["corroboration"], message: "The corroboration filter reads today's levels: leave it out to read the record as of a past instant." });
    }
  })
  .transform(withDateRange);
export type TDevelopmentQuery = z.output<typeof ZDevelopmentQuery>;

/**
 * A saved developments search (a SEARCH subscription, decision 039): the list's own filters,
 * parsed by the same fields, less what belongs to reading a page (paging, asOf) and `state`
 * (a development is told when published; its retraction is a correction of what was told).
 * Stored as its query string's values (toSearchParams), and parsed again by this schema on read.
 */
export const ZSavedDevelopmentSearch = z
  .object(DEVELOPMENT_FILTER_FIELDS)
  .omit({ state: true })
  .transform(withDateRange)
  .meta({ examples: [{ q: "tariffs", direction: ["ESCALATION"], party: "JPN" }] });
export type TSavedDevelopmentSearch = z.output<typeof ZSavedDevelopmentSearch>;

/** Agreement list: search, parties (all of them must be parties), kind, current status, a change in a date range. */
export const ZAgreementListQuery = z
  .object({
    q: ZText,
    party: list(ZPartyCode),
    kind: list(z.enum(AgreementKind, "Not a kind of agreement.")),
    status: list(z.enum(AGREEMENT_STATUSES, "Not a status an agreement can have.")),
    from: ZPartialDateText,
    to: ZPartialDateText,
    sort: z.preprocess(emptyToUndefined, z.enum(["relevance", "name", "recent", "signed"]).optional()),
    ...ZAsOfFields,
    cursor: ZCursor,
    limit: pageLimit(25),
  })
  .transform(withDateRange);
export type TAgreementListQuery = z.output<typeof ZAgreementListQuery>;

/** Trade measure list: search, party (imposing or targeted), who imposes, who is targeted, type, status, dates. */
export const ZMeasureListQuery = z
  .object({
    q: ZText,
    party: list(ZPartyCode),
    imposing: ZPartyCodeOptional,
    target: ZPartyCodeOptional,
    type: list(z.enum(MeasureType, "Not a type of measure.")),
    status: list(z.enum(MEASURE_STATUSES, "Not a status a measure can have.")),
    from: ZPartialDateText,
    to: ZPartialDateText,
    sort: z.preprocess(emptyToUndefined, z.enum(["relevance", "name", "recent", "announced"]).optional()),
    ...ZAsOfFields,
    cursor: ZCursor,
    limit: pageLimit(25),
  })
  .transform(withDateRange);
export type TMeasureListQuery = z.output<typeof ZMeasureListQuery>;

/** Party list: name or code, kind, and by default only parties that something tracked involves. */
export const ZPartyListQuery = z.object({
  q: ZText,
  kind: list(z.enum(PartyKind, "Not a kind of party.")),
  scope: z.preprocess(emptyToUndefined, z.enum(["involved", "all"]).default("involved")),
  sort: z.preprocess(emptyToUndefined, z.enum(["name", "activity"]).default("name")),
  ...ZAsOfFields,
  cursor: ZCursor,
  limit: pageLimit(50),
});
export type TPartyListQuery = z.output<typeof ZPartyListQuery>;

/** Source list: search over title and publisher, kind, reliability grade, publication dates. */
export const ZSourceListQuery = z
  .object({
    q: ZText,
    kind: list(z.enum(SourceKind, "Not a kind of source.")),
    reliability: list(z.enum(Reliability, "Reliability is a grade from A to F.")),
    from: ZPartialDateText,
    to: ZPartialDateText,
    sort: z.preprocess(emptyToUndefined, z.enum(["relevance", "newest", "title"]).optional()),
    ...ZAsOfFields,
    cursor: ZCursor,
    limit: pageLimit(25),
  })
  .transform(withDateRange);
export type TSourceListQuery = z.output<typeof ZSourceListQuery>;

/**
 * The corrections log (issue 12): what kind (correction, source erratum, retraction), which type
 * of correction, one agreement or measure ("agreement:gsomia"), and when it was recorded.
 */
export const ZCorrectionsQuery = z
  .object({
    kind: z.preprocess(emptyToUndefined, z.enum(LOGGED_KINDS, "Choose a correction, a source erratum or a retraction.").optional()),
    type: z.preprocess(emptyToUndefined, z.enum(CorrectionType, "Not a type of correction.").optional()),
    subject: z.preprocess(
      emptyToUndefined,
      text().trim().toLowerCase().regex(/^(agreement|measure):[a-z0-9-]{1,100}$/, "Choose an agreement or a trade measure from the list.").optional(),
    ),
    from: ZPartialDateText,
    to: ZPartialDateText,
    // As of an instant: what the log held then (recorded by then, on either axis; decision 036).
    ...ZAsOfFields,
    cursor: ZCursor,
    limit: pageLimit(25),
  })
  .transform(withDateRange);
export type TCorrectionsQuery = z.output<typeof ZCorrectionsQuery>;

/** The search page's one box over everything. */
export const ZSearchQuery = z.object({ q: ZText, ...ZAsOfFields });
export type TSearchQuery = z.output<typeof ZSearchQuery>;

/** The outcome of reading a page's query: what could be read, and a message per field that could not. */
export type TLenientQuery<T> = { query: T; errors: Record<string, string> };

/**
 * Reads a query string for a page: a field that does not parse is dropped (and reported) rather
 * than failing the whole page, so a reader with a stale bookmark still sees a list.
 */
export function parseQueryLeniently<TSchema extends z.ZodType<object>>(
  schema: TSchema,
  params: URLSearchParams | Record<string, TParamValue>,
): TLenientQuery<z.output<TSchema>> {
  const values = { ...paramsToObject(params) };
  const errors: Record<string, string> = {};
  for (let attempt = 0; attempt < 12; attempt++) {
    const result = schema.safeParse(values);
    if (result.success) return { query: result.data, errors };
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? "query");
      errors[field] ??= issue.message;
      delete values[field];
    }
  }
  return { query: schema.parse({}), errors };
}
