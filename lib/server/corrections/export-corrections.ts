import "server-only";
import type { TCorrectionsQuery } from "../../schemas/reader-queries";
import { csvRows } from "../csv/csv-cells";
import { boundedExportStream } from "../exports/bounded-export-stream";
import { getExportDatabase } from "../exports/export-database";
import type { TExportSlot } from "../exports/export-slots";
import { asOfFromQuery } from "../as-of-sql";
import { assertCan, type TActor } from "../permissions";
import { CORRECTION_CSV_COLUMNS, correctionCsvCells, correctionJson } from "./correction-json";
import { listCorrections, type TCorrection } from "./list-corrections";

/** Corrections fetched per round trip while exporting (as developments: lib/server/exports/export-developments.ts). */
const BATCH_SIZE = 100;

export type TCorrectionExportFilters = Omit<TCorrectionsQuery, "cursor" | "limit">;

async function* iterateCorrections(actor: TActor, filters: TCorrectionExportFilters): AsyncGenerator<TCorrection[]> {
  let cursor: string | undefined;
  do {
    const page = await listCorrections(actor, { ...filters, cursor, limit: BATCH_SIZE }, { database: getExportDatabase() });
    if (page.items.length) yield page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** The filtered corrections log as CSV, streamed with backpressure while `slot` is held, newest first. */
export function correctionsCsvStream(actor: TActor, filters: TCorrectionExportFilters, { origin, slot }: { origin: string; slot: TExportSlot }): ReadableStream<Uint8Array> {
  assertCan(actor, "published:read");
  return boundedExportStream({
    slot,
    batches: iterateCorrections(actor, filters),
    head: `\uFEFF${csvRows([[...CORRECTION_CSV_COLUMNS]])}`,
    encode: (items) => csvRows(items.map((item) => correctionCsvCells(item, origin, asOfFromQuery(filters)))),
  });
}

/** The filtered corrections log as one JSON document: { query, generatedAt, corrections: [ … ] }. */
export function correctionsJsonStream(actor: TActor, filters: TCorrectionExportFilters, { origin, query, slot }: { origin: string; query: Record<string, unknown>; slot: TExportSlot }): ReadableStream<Uint8Array> {
  assertCan(actor, "published:read");
  return boundedExportStream({
    slot,
    batches: iterateCorrections(actor, filters),
    head: `{"query":${JSON.stringify(query)},"generatedAt":${JSON.stringify(new Date().toISOString())},"corrections":[`,
    encode: (items, index) => `${index === 0 ? "" : ","}\n${items.map((item) => JSON.stringify(correctionJson(item, origin, asOfFromQuery(filters)))).join(",\n")}`,
    tail: "]}\n",
  });
}
