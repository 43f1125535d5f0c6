// The SQL the app issues for each read, captured from the app itself (PACTWATCH_SQL_CAPTURE, see
// lib/server/sql-capture.ts): the bench writes a begin and an end marker into the same file around
// one request, so the statements between them are that request's.
import fs from "node:fs";

export type TStatement = { sql: string; values: unknown[] };
export type TCaptured = Record<string, TStatement[]>;

type TLine = { sql?: string; values?: unknown[]; marker?: string };

export function writeMarker(file: string, marker: string): void {
  fs.appendFileSync(file, `${JSON.stringify({ marker })}\n`);
}

/** The statements between `begin:<read>` and `end:<read>` for every read in the capture file. */
export function parseCapture(text: string): TCaptured {
  const captured: TCaptured = {};
  let current: string | undefined;
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    const entry = JSON.parse(line) as TLine;
    if (entry.marker?.startsWith("begin:")) {
      current = entry.marker.slice("begin:".length);
      captured[current] = [];
    } else if (entry.marker?.startsWith("end:")) {
      current = undefined;
    } else if (current && typeof entry.sql === "string") {
      captured[current]!.push({ sql: entry.sql, values: entry.values ?? [] });
    }
  }
  return captured;
}

/** Statements that read: SELECT or WITH … SELECT (not BEGIN, SET, or a write). */
export function isRead(statement: TStatement): boolean {
  const text = statement.sql.replace(/^\s*(--[^\n]*\n\s*)*/, "").trimStart().toUpperCase();
  return (text.startsWith("SELECT") || text.startsWith("WITH")) && !/\b(INSERT|UPDATE|DELETE)\b/.test(text.slice(0, 2000).replace(/'[^']*'/g, ""));
}
