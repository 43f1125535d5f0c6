import "server-only";
import { Readable } from "node:stream";
import yazl from "yazl";
import type { TPublishedRow, TTableDefinition } from "../../../schemas/published-tables/columns";
import { csvPathOf, dataPackageDescriptor } from "../../../schemas/published-tables/table-schema";
import { PUBLISHED_ROW_SCHEMAS, PUBLISHED_TABLES } from "../../../schemas/published-tables/tables";
import { csvRows } from "../../csv/csv-cells";
import { getDatabase } from "../../db";
import { assertCan, type TActor } from "../../permissions";
import { parseRows } from "../../rows/parse-rows";
import type { TAsOf } from "../../as-of-sql";
import { batchQuery, pageColumnsOf, READ_ORDER } from "./published-table-queries";

/** Rows read per round trip: memory holds one batch of one table, however large the record. */
export const DATAPACKAGE_BATCH_SIZE = 2000;

export type TDataPackageProgress = { table: string; rows: number; isDone: boolean };

function cellOf(value: TPublishedRow[string]): string {
  if (value === null) return "";
  if (Array.isArray(value)) return JSON.stringify(value);
  return String(value);
}

/** One table as CSV text, a header and then keyset batch after batch (every cell through the CSV guard). */
async function* tableCsv(table: TTableDefinition, cutoff: Date, asOf: TAsOf | undefined, onProgress?: (progress: TDataPackageProgress) => void): AsyncGenerator<string> {
  const names = table.columns.map((column) => column.name);
  const schema = PUBLISHED_ROW_SCHEMAS[table.name]!.describe(`published table ${table.name}`);
  yield csvRows([names]);
  let after: string[] | null = null;
  const pageColumns = pageColumnsOf(table.name, table.primaryKey, asOf);
  let count = 0;
  for (;;) {
    const raw = await getDatabase().$queryRaw(batchQuery(table.name, { cutoff, after, limit: DATAPACKAGE_BATCH_SIZE, asOf }));
    const rows = parseRows(schema, raw) as TPublishedRow[];
    if (rows.length > 0) {
      yield csvRows(rows.map((row) => names.map((name) => cellOf(row[name] ?? null))));
      const last = rows[rows.length - 1]!;
      after = pageColumns.map((key) => String(last[key]));
      count += rows.length;
    }
    const isDone = rows.length < DATAPACKAGE_BATCH_SIZE;
    onProgress?.({ table: table.name, rows: count, isDone });
    if (isDone) return;
  }
}

/**
 * The whole published record as a Frictionless Data Package in a ZIP, streamed: datapackage.json
 * first, then one CSV per table, each read in keyset batches only as fast as the reader takes the
 * bytes (the ZIP's output stream applies backpressure to the lazily opened table streams).
 * With asOf, the record as it stood then (./as-of-table-queries.ts), and datapackage.json says so.
 */
export function dataPackageZip(
  by: TActor | "system",
  { homepage, onProgress, asOf }: { homepage: string; onProgress?: (progress: TDataPackageProgress) => void; asOf?: TAsOf },
): Readable {
  // "system" is the command line (npm run db:datapackage), trusted like the other record commands.
  if (by !== "system") assertCan(by, "published:read");
  const cutoff = new Date();
  const zip = new yazl.ZipFile();
  const descriptor = dataPackageDescriptor({ created: cutoff, homepage, asOf });
  zip.addBuffer(Buffer.from(`${JSON.stringify(descriptor, null, 2)}\n`, "utf8"), "datapackage.json", { mtime: cutoff });
  const tables = new Map(PUBLISHED_TABLES.map((table) => [table.name, table]));
  const output = zip.outputStream as Readable;
  // A failed read ends the download with an error (a truncated ZIP no reader accepts), never a
  // short but valid package. yazl leaves a lazily opened stream's errors to its opener.
  const fail = (error: Error) => output.destroy(error);
  zip.on("error", fail);
  for (const name of READ_ORDER) {
    const table = tables.get(name)!;
    zip.addReadStreamLazy(csvPathOf(table), { mtime: cutoff }, (callback) => callback(null, Readable.from(tableCsv(table, cutoff, asOf, onProgress)).on("error", fail)));
  }
  zip.end();
  return output;
}
