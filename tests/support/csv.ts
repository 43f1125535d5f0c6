import { parse } from "csv-parse/sync";

// One CSV reader for the tests: csv-parse, the sibling of the csv-stringify the exports write
// with. Strict RFC 4180 (every row as wide as the header), a leading byte-order mark dropped.

/** The rows of a CSV document, header first. */
export function readCsvRows(text: string): string[][] {
  return parse(text, { bom: true }) as string[][];
}

/** The records of a CSV document, keyed by the header's names. */
export function readCsvRecords(text: string): Record<string, string>[] {
  return parse(text, { bom: true, columns: true }) as Record<string, string>[];
}
