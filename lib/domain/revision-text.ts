import type { DatePrecision, Direction, EntryState, Status } from "../generated/prisma/enums";
import { formatInstant, formatOccurred } from "./dates";
import { ENTRY_STATE_LABELS } from "./entry-states";
import type { TCitationChange, TCitationField, TFieldChange, TPublicField, TPublicVersion, TVersionDiff } from "./revision-diff";
import { DIRECTION_LABELS, STATUS_LABELS } from "./statuses";

// A version diff in words, the same on the revisions page, the corrections log, its Atom feed
// and its exports: "Occurred: 21 November 2019 → 22 November 2019".

export const FIELD_LABELS: Readonly<Record<TPublicField, string>> = {
  status: "Status",
  headline: "Headline",
  body: "What happened",
  occurredAt: "Occurred",
  occurredPrecision: "Date precision",
  timeZone: "Time zone",
  effectiveAt: "Takes effect",
  direction: "Direction",
  cancelsId: "Cancels",
  state: "State",
  retractionReason: "Reason for retraction",
};

export const CITATION_FIELD_LABELS: Readonly<Record<TCitationField, string>> = {
  title: "title",
  publisher: "publisher",
  quote: "quote",
  quoteOriginal: "quote in the original",
  quoteLanguage: "language of the quote",
  locator: "locator",
  credibility: "credibility",
  erratum: "source erratum",
};

const NONE = "(none)";

function instant(value: string): Date {
  return new Date(value);
}

/** One field's value as a reader reads it, in the version's own time zone and precision. */
export function fieldText(field: TPublicField, value: string | null, version: Pick<TPublicVersion, "timeZone" | "occurredPrecision">): string {
  if (value === null || value === "") return NONE;
  const zone = version.timeZone ?? "UTC";
  switch (field) {
    case "status":
      return STATUS_LABELS[value as Status] ?? value;
    case "direction":
      return DIRECTION_LABELS[value as Direction] ?? value;
    case "state":
      return ENTRY_STATE_LABELS[value as EntryState] ?? value;
    case "occurredAt":
      return formatOccurred(instant(value), (version.occurredPrecision as DatePrecision | null) ?? "DAY", zone);
    case "effectiveAt":
      return formatInstant(instant(value), zone);
    default:
      return value;
  }
}

/** "Occurred: 21 November 2019 → 22 November 2019". */
export function fieldChangeText(change: TFieldChange, before: TPublicVersion, after: TPublicVersion): string {
  return `${FIELD_LABELS[change.field]}: ${fieldText(change.field, change.before, before)} → ${fieldText(change.field, change.after, after)}`;
}

function citationValue(value: string | number | null): string {
  return value === null || value === "" ? NONE : String(value);
}

/** "Citation added: Report (Wire)", "Citation of Report: quote “a” → “b”". */
export function citationChangeText(change: TCitationChange): string {
  if (change.change === "added") return `Citation added: ${change.after.title ?? change.url} (${change.url})`;
  if (change.change === "removed") return `Citation removed: ${change.before.title ?? change.url} (${change.url})`;
  const parts = change.fields.map((field) => `${CITATION_FIELD_LABELS[field.field]} ${citationValue(field.before)} → ${citationValue(field.after)}`);
  return `Citation of ${change.title}: ${parts.join("; ")}`;
}

/** Every line of a diff, fields first, for feeds and exports. */
export function diffLines(diff: TVersionDiff, before: TPublicVersion | null, after: TPublicVersion): string[] {
  const base = before ?? after;
  return [...diff.fields.map((change) => fieldChangeText(change, base, after)), ...diff.citations.map(citationChangeText)];
}

/** One citation change, split into what it said before and what it says now. */
function citationSides(change: TCitationChange): { wrong: string; now: string } {
  if (change.change === "added") return { wrong: `Not cited: ${change.after.title ?? change.url}`, now: `Cited: ${change.after.title ?? change.url} (${change.url})` };
  if (change.change === "removed") return { wrong: `Cited: ${change.before.title ?? change.url} (${change.url})`, now: `No longer cited: ${change.before.title ?? change.url}` };
  const erratum = change.fields.find((field) => field.field === "erratum");
  if (erratum && change.fields.length === 1) {
    return { wrong: `${change.title}, as the source published it`, now: erratum.after === null ? `${change.title}: erratum withdrawn` : `${change.title}: the source erred: ${erratum.after}` };
  }
  return {
    wrong: `${change.title}: ${change.fields.map((field) => `${CITATION_FIELD_LABELS[field.field]} ${citationValue(field.before)}`).join("; ")}`,
    now: `${change.title}: ${change.fields.map((field) => `${CITATION_FIELD_LABELS[field.field]} ${citationValue(field.after)}`).join("; ")}`,
  };
}

/**
 * "What was wrong" and "what it is now" of a correction, one line per changed field or citation,
 * for the corrections log: ["Occurred: 21 November 2019"] and ["Occurred: 22 November 2019"].
 */
export function wrongAndNow(diff: TVersionDiff, before: TPublicVersion | null, after: TPublicVersion): { wrong: string[]; now: string[] } {
  const base = before ?? after;
  const sides = diff.citations.map(citationSides);
  return {
    wrong: [...diff.fields.map((change) => `${FIELD_LABELS[change.field]}: ${fieldText(change.field, change.before, base)}`), ...sides.map((side) => side.wrong)],
    now: [...diff.fields.map((change) => `${FIELD_LABELS[change.field]}: ${fieldText(change.field, change.after, after)}`), ...sides.map((side) => side.now)],
  };
}
