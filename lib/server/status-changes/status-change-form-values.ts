import { toPartialDateInput } from "../../domain/dates";
import type { TStatusChangeRecord } from "./status-change-record";

/** A citation row as the form posts it. */
export type TCitationFormValues = {
  sourceId: string;
  url: string;
  title: string;
  publisher: string;
  kind: string;
  publishedOn: string;
  quote: string;
  quoteOriginal: string;
  quoteLanguage: string;
  locator: string;
  credibility: string;
};

/** A status change as its edit form shows it: strings only, the way they were typed. */
export type TStatusChangeFormValues = {
  status: string;
  headline: string;
  body: string;
  occurredOn: string;
  timeZone: string;
  effectiveAt: string;
  effectiveTimeZone: string;
  direction: string;
  cancelsId: string;
  citations: TCitationFormValues[];
};

/** The local "YYYY-MM-DDTHH:mm" a zone's wall clock showed at an instant (what datetime-local inputs take). */
export function toLocalDateTimeInput(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? "00";
  return `${part("year")}-${part("month")}-${part("day")}T${String(Number(part("hour")) % 24).padStart(2, "0")}:${part("minute")}`;
}

/** The form values that reproduce a stored entry (the edit form's starting point, "their version" in a conflict). */
export function toStatusChangeFormValues(record: TStatusChangeRecord): TStatusChangeFormValues {
  return {
    status: record.status,
    headline: record.headline,
    body: record.body,
    occurredOn: toPartialDateInput(record.occurredAt, record.occurredPrecision, record.timeZone),
    timeZone: record.timeZone,
    effectiveAt: record.effectiveAt ? toLocalDateTimeInput(record.effectiveAt, record.timeZone) : "",
    effectiveTimeZone: record.effectiveAt ? record.timeZone : "",
    direction: record.direction,
    cancelsId: record.cancelsId ?? "",
    citations: record.citations.map((citation) => ({
      sourceId: citation.sourceId,
      url: citation.source.url,
      title: citation.source.title,
      publisher: citation.source.publisher,
      kind: "",
      publishedOn: "",
      quote: citation.quote ?? "",
      quoteOriginal: citation.quoteOriginal ?? "",
      quoteLanguage: citation.quoteLanguage ?? "",
      locator: citation.locator ?? "",
      credibility: String(citation.credibility),
    })),
  };
}
