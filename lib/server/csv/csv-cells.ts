import { stringify } from "csv-stringify/sync";

// The one way Pactwatch writes CSV (the public developments export, the audit export): a cell
// whose text starts with = + - @ (or a tab or a carriage return) is a formula to a spreadsheet,
// so it gets a leading apostrophe that keeps it text (OWASP "CSV injection"). A leading
// newline or other whitespace before such a character is caught too, since spreadsheets trim it.
const FORMULA_START = /^[\s\u0000-\u001f]*[=+\-@\t\r]|^[\t\r]/;

/** A cell value a spreadsheet shows as text, never evaluates. */
export function csvSafeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** CSV text (RFC 4180 quoting by csv-stringify) for rows of cells, each through csvSafeCell. */
export function csvRows(rows: readonly (readonly string[])[]): string {
  return stringify(rows.map((row) => row.map(csvSafeCell)));
}
