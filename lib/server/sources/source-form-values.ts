import "server-only";
import { toLocalIsoDate } from "../../domain/dates";
import type { TSourceRecord } from "./source-record";

/**
 * A source's editable fields as the edit form shows them (dates as YYYY-MM-DD in UTC, no archived
 * copy as ""): the page's form starts from them, and a PATCH over the API lays its fields over them.
 */
export function sourceFormValues(source: Pick<TSourceRecord, "url" | "title" | "publisher" | "authors" | "publishedAt" | "accessedAt" | "kind" | "language" | "archiveUrl">) {
  const dateInput = (date: Date | null) => (date ? toLocalIsoDate(date, "UTC") : "");
  return {
    url: source.url,
    title: source.title,
    publisher: source.publisher,
    authors: source.authors,
    publishedOn: dateInput(source.publishedAt),
    accessedOn: dateInput(source.accessedAt),
    kind: source.kind,
    language: source.language,
    archiveUrl: source.archiveUrl ?? "",
  };
}
