import "server-only";
import { toPartialDateInput } from "../../domain/dates";
import { formatAdmiraltyGrade, isCredibility } from "../../domain/admiralty-grades";
import { csvRows } from "../csv/csv-cells";
import type { TReaderEntry } from "../history-sql";
import { assertCan, type TActor } from "../permissions";
import { listPublishedChanges, type TDevelopmentFilters } from "../status-changes/list-published-changes";
import { boundedExportStream } from "./bounded-export-stream";
import { getExportDatabase } from "./export-database";
import type { TExportSlot } from "./export-slots";

/**
 * Developments fetched per round trip while exporting: memory stays flat however long the
 * history, and each batch's work in this process (parsing, encoding) is short enough that the
 * requests of other readers interleave between batches.
 */
export const EXPORT_BATCH_SIZE = 100;

/** Walks a filtered history batch by batch (keyset pages, on the export pool), newest first. */
export async function* iterateDevelopments(actor: TActor, filters: TDevelopmentFilters, now: Date = new Date()): AsyncGenerator<TReaderEntry[]> {
  let cursor: string | undefined;
  do {
    const page = await listPublishedChanges(actor, filters, { cursor, limit: EXPORT_BATCH_SIZE, now, database: getExportDatabase() });
    if (page.entries.length) yield page.entries;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

const DEVELOPMENT_COLUMNS = [
  "development_id", "url", "subject_kind", "subject_slug", "subject_name", "occurred", "occurred_precision", "time_zone", "effective_at",
  "status", "direction", "state", "schedule", "headline", "body", "published_at", "retracted_at", "retraction_reason",
] as const;
const CITATION_COLUMNS = [
  "source_publisher", "source_title", "source_url", "source_published_at", "source_kind", "reliability", "credibility", "grade", "quote",
  "quote_original", "quote_language", "locator", "source_id",
] as const;

/** Rows of one development, or one per citation: each row then repeats the development. */
export type TCsvShape = "developments" | "citations";

function developmentCells(entry: TReaderEntry, origin: string): string[] {
  return [
    entry.id,
    `${origin}/developments/${entry.id}`,
    entry.subject.kind === "AGREEMENT" ? "agreement" : "trade measure",
    entry.subject.slug,
    entry.subject.title || entry.subject.name,
    toPartialDateInput(entry.occurredAt, entry.occurredPrecision, entry.timeZone),
    entry.occurredPrecision.toLowerCase(),
    entry.timeZone,
    entry.effectiveAt?.toISOString() ?? "",
    entry.status,
    entry.direction,
    entry.state,
    entry.schedule ?? "",
    entry.headline,
    entry.body,
    entry.publishedAt?.toISOString() ?? "",
    entry.retractedAt?.toISOString() ?? "",
    entry.retractionReason ?? "",
  ];
}

function gradeOf(citation: TReaderEntry["citations"][number]): string {
  return isCredibility(citation.credibility) ? formatAdmiraltyGrade(citation.source.reliability, citation.credibility) : citation.source.reliability;
}

/**
 * A filtered history as CSV, streamed with backpressure while `slot` is held: a UTF-8 byte-order
 * mark (so spreadsheets read the Japanese and Korean quotes right), a header row, then batch after
 * batch. Shape "developments" gives one row per development with its sources in three columns;
 * "citations" one row per citation.
 */
export function developmentsCsvStream(actor: TActor, filters: TDevelopmentFilters, { shape, origin, slot }: { shape: TCsvShape; origin: string; slot: TExportSlot }): ReadableStream<Uint8Array> {
  assertCan(actor, "published:read");
  const header = shape === "citations" ? [...DEVELOPMENT_COLUMNS, ...CITATION_COLUMNS] : [...DEVELOPMENT_COLUMNS, "citation_count", "sources", "quotes"];
  return boundedExportStream({
    slot,
    batches: iterateDevelopments(actor, filters),
    head: `\uFEFF${csvRows([header])}`,
    encode: (entries) => csvRows(entries.flatMap((entry) => csvRowsOf(entry, shape, origin))),
  });
}

function csvRowsOf(entry: TReaderEntry, shape: TCsvShape, origin: string): string[][] {
  const cells = developmentCells(entry, origin);
  if (shape === "citations") {
    return entry.citations.map((citation) => [
      ...cells,
      citation.source.publisher,
      citation.source.title,
      citation.source.url,
      citation.source.publishedAt?.toISOString() ?? "",
      citation.source.kind,
      citation.source.reliability,
      String(citation.credibility),
      gradeOf(citation),
      citation.quote ?? "",
      citation.quoteOriginal ?? "",
      citation.quoteLanguage ?? "",
      citation.locator ?? "",
      citation.source.id,
    ]);
  }
  return [
    [
      ...cells,
      String(entry.citations.length),
      entry.citations.map((citation) => `${citation.source.publisher}: ${citation.source.title} <${citation.source.url}> [${gradeOf(citation)}]`).join("\n"),
      entry.citations.filter((citation) => citation.quote).map((citation) => `${citation.source.publisher}: “${citation.quote}”`).join("\n"),
    ],
  ];
}

/** A filtered history as one JSON document, streamed with backpressure while `slot` is held: { query, generatedAt, developments: [ … ] }. */
export function developmentsJsonStream(actor: TActor, filters: TDevelopmentFilters, { origin, query, slot }: { origin: string; query: Record<string, unknown>; slot: TExportSlot }): ReadableStream<Uint8Array> {
  assertCan(actor, "published:read");
  return boundedExportStream({
    slot,
    batches: iterateDevelopments(actor, filters),
    head: `{"query":${JSON.stringify(query)},"generatedAt":${JSON.stringify(new Date().toISOString())},"developments":[`,
    encode: (entries, index) => `${index === 0 ? "" : ","}\n${entries.map((entry) => JSON.stringify(developmentJson(entry, origin))).join(",\n")}`,
    tail: "]}\n",
  });
}

/** A development as the JSON API and the JSON export give it. */
export function developmentJson(entry: TReaderEntry, origin = "") {
  return {
    id: entry.id,
    url: `${origin}/developments/${entry.id}`,
    subject: { kind: entry.subject.kind, slug: entry.subject.slug, name: entry.subject.name, title: entry.subject.title },
    status: entry.status,
    direction: entry.direction,
    state: entry.state,
    headline: entry.headline,
    body: entry.body,
    occurred: toPartialDateInput(entry.occurredAt, entry.occurredPrecision, entry.timeZone),
    occurredAt: entry.occurredAt.toISOString(),
    occurredPrecision: entry.occurredPrecision,
    timeZone: entry.timeZone,
    effectiveAt: entry.effectiveAt?.toISOString() ?? null,
    schedule: entry.schedule,
    cancelsId: entry.cancelsId,
    publishedAt: entry.publishedAt?.toISOString() ?? null,
    knownAt: entry.knownAt?.toISOString() ?? null,
    retraction: entry.retractedAt ? { at: entry.retractedAt.toISOString(), by: entry.retractedBy?.name ?? null, reason: entry.retractionReason } : null,
    revisions: { count: entry.revisions.count, lastAt: entry.revisions.last?.toISOString() ?? null, corrections: entry.revisions.corrections },
    corroboration: entry.corroboration,
    citations: entry.citations.map((citation) => ({
      quote: citation.quote,
      quoteOriginal: citation.quoteOriginal,
      quoteLanguage: citation.quoteLanguage,
      locator: citation.locator,
      credibility: citation.credibility,
      grade: gradeOf(citation),
      erratum: citation.erratum,
      source: {
        id: citation.source.id,
        url: citation.source.url,
        title: citation.source.title,
        publisher: citation.source.publisher,
        authors: citation.source.authors,
        publishedAt: citation.source.publishedAt?.toISOString() ?? null,
        kind: citation.source.kind,
        reliability: citation.source.reliability,
        retiredAt: citation.source.retiredAt?.toISOString() ?? null,
        archiveUrl: citation.source.archiveUrl,
      },
    })),
  };
}
