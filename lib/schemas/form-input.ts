import { z } from "zod";
import { text } from "./text";
import { parseIsoDate } from "../domain/calendar-date";
import { isValidTimeZone } from "../domain/zoned-time";
import { INSTANT_RANGE_MESSAGE, isInstantInRange } from "./instant";

// Building blocks shared by the desk's schemas. Every schema reads both what an HTML form posts
// (strings only, "" for an empty field, repeated names for several values) and what a JSON client
// sends (numbers, booleans, arrays, null), so forms, server actions and the API share one schema.

function asText(value: unknown): unknown {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return value;
}

/** Required text, trimmed: `missing` when empty, `tooLong` past `max` characters. */
export function requiredText(max: number, missing: string, tooLong: string) {
  return z.preprocess(asText, text({ error: missing }).trim().min(1, missing).max(max, tooLong));
}

/** Optional text, trimmed; "" when left empty. */
export function optionalText(max: number, tooLong: string) {
  return z.preprocess(asText, text({ error: tooLong }).trim().max(max, tooLong));
}

/** Optional text kept as written (Markdown bodies), "" when empty. */
export function untrimmedText(max: number, tooLong: string) {
  return z.preprocess(asText, text({ error: tooLong }).max(max, tooLong));
}

/** Optional text that becomes null when empty, for nullable columns. */
export function nullableText(max: number, tooLong: string) {
  return optionalText(max, tooLong).transform((text) => (text === "" ? null : text));
}

/** A checkbox: "on", "true", "1" or true are ticked; absent, "" or false are not. */
export const ZCheckbox = z.preprocess(
  (value) => value === true || value === "on" || value === "true" || value === "1",
  z.boolean(),
);

/** Several values of one field (a multiple select, repeated names, or a JSON array), empty ones dropped. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => {
    if (value === undefined || value === null || value === "") return [];
    const list = Array.isArray(value) ? value : typeof value === "object" ? Object.values(value) : [value];
    return list.filter((entry) => entry !== "" && entry !== null && entry !== undefined);
  }, z.array(item));
}

/** Rows of a repeated group (citations[0][url] …), also when qs made an object of them. */
export function rowsOf<T extends z.ZodType>(row: T, tooMany: { max: number; message: string }) {
  return z.preprocess((value) => {
    if (value === undefined || value === null || value === "") return [];
    if (Array.isArray(value)) return value;
    return typeof value === "object" ? Object.values(value) : value;
  }, z.array(row).max(tooMany.max, tooMany.message));
}

/** An optional whole number within bounds; null when empty. */
export function optionalInteger(min: number, max: number, message: string) {
  return z.preprocess(
    (value) => (value === "" || value === undefined || value === null ? null : typeof value === "string" ? Number(value.trim()) : value),
    z.number({ error: message }).int(message).min(min, message).max(max, message).nullable(),
  );
}

/** An optional calendar date "YYYY-MM-DD", as UTC midnight (how @db.Date columns are read); null when empty. */
export function optionalCalendarDate(message: string) {
  return z.preprocess(asText, text()).transform((text, context): Date | null => {
    const trimmed = text.trim();
    if (trimmed === "") return null;
    const date = parseIsoDate(trimmed);
    const midnight = date ? new Date(`${trimmed}T00:00:00Z`) : null;
    if (!midnight || !isInstantInRange(midnight)) {
      context.addIssue({ code: "custom", message: midnight ? `${message} (${INSTANT_RANGE_MESSAGE.toLowerCase()})` : message });
      return z.NEVER;
    }
    return midnight;
  });
}

const TIME_ZONE_MESSAGE = "Choose a time zone from the list (an IANA name such as Asia/Seoul or UTC)";

/** An IANA time zone the runtime knows. */
export const ZTimeZone = z.preprocess(
  asText,
  text({ error: TIME_ZONE_MESSAGE })
    .trim()
    .refine((zone) => isValidTimeZone(zone), TIME_ZONE_MESSAGE),
);

/** A record id (uuid), or null when empty. */
export function optionalId(message: string) {
  return z.preprocess(
    (value) => (value === "" || value === undefined || value === null ? null : value),
    z.uuid({ error: message }).nullable(),
  );
}

/** The version a form was opened at, sent back for optimistic locking. */
export const ZVersion = z.preprocess(
  (value) => (typeof value === "string" ? Number(value) : value),
  z.number({ error: "The form lost track of which version you edited: open it again" }).int().min(1),
);

/** "agreement:gsomia" / "measure:japan-export-controls" → the kind and slug of a tracked item. */
export const ZSubjectRef = z.preprocess(
  asText,
  text()
    .trim()
    .regex(/^(agreement|measure):[a-z0-9][a-z0-9-]{0,79}$/, "Choose the agreement or trade measure from the list")
    .transform((reference) => {
      const [kind, slug] = reference.split(":") as ["agreement" | "measure", string];
      return { kind: kind === "agreement" ? ("AGREEMENT" as const) : ("MEASURE" as const), slug };
    }),
);
export type TSubjectRef = z.output<typeof ZSubjectRef>;

/** The "agreement:slug" form of a subject reference. */
export function subjectRefValue(subject: TSubjectRef): string {
  return `${subject.kind === "AGREEMENT" ? "agreement" : "measure"}:${subject.slug}`;
}

/** Spells out a list for a message: "A, B or C". */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

/** Which record a desk form edits: the slug or code it was opened for (a hidden field). */
export const ZRecordKey = z.object({
  key: text({ error: "The form lost track of which record you edited: open it again" }).trim().min(1).max(100),
});
