import type pg from "pg";
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, RECORD_TABLES, tableSql, writableColumns, type TExportHeader, type TExportTrailer } from "./record-tables";

/** Rows written per transaction. */
export const IMPORT_BATCH = 1000;

/** A refusal or a broken file: its message says what to do, and nothing (more) was written. */
export class ImportError extends Error {
  override name = "ImportError";
}

// A row line as record-export.ts writes it; the row itself stays text all the way to PostgreSQL.
const ROW_LINE = /^\{"t":"([A-Za-z_]+)","(r|fix)":/;

type TTablePlan = { name: string; columns: string[]; rows: string[]; fixes: string[]; count: number };

/**
 * Loads an export into an empty, migrated database: tables in the file's (foreign-key) order,
 * one transaction per batch of rows, each row cast by PostgreSQL itself (jsonb_populate_recordset)
 * so dates, numbers, arrays and JSON arrive as they left. Refuses a non-empty target, a newer
 * format, and columns the target does not have; checks the trailer's counts at the end.
 */
export async function importRecord(client: pg.ClientBase, lines: AsyncIterable<string>, onProgress: (message: string) => void = () => {}): Promise<Record<string, number>> {
  let header: TExportHeader | null = null;
  let trailer: TExportTrailer | null = null;
  const plans = new Map<string, TTablePlan>();
  let current: TTablePlan | null = null;
  let lineNumber = 0;

  const flushRows = async (plan: TTablePlan) => {
    if (plan.rows.length === 0) return;
    const columns = plan.columns.map(tableSql).join(", ");
    await inTransaction(client, () =>
      client.query(`INSERT INTO ${tableSql(plan.name)} (${columns}) SELECT ${columns} FROM jsonb_populate_recordset(NULL::${tableSql(plan.name)}, $1::jsonb)`, [`[${plan.rows.join(",")}]`]),
    );
    plan.count += plan.rows.length;
    plan.rows = [];
    onProgress(`${plan.name}: ${plan.count} rows…`);
  };
  const finishTable = async (plan: TTablePlan) => {
    await flushRows(plan);
    for (let start = 0; start < plan.fixes.length; start += IMPORT_BATCH) {
      const fixes = plan.fixes.slice(start, start + IMPORT_BATCH);
      const column = Object.keys(JSON.parse(fixes[0]!) as object).find((key) => key !== "id")!;
      await inTransaction(client, () =>
        client.query(
          `UPDATE ${tableSql(plan.name)} t SET ${tableSql(column)} = f.${tableSql(column)}
             FROM jsonb_populate_recordset(NULL::${tableSql(plan.name)}, $1::jsonb) f WHERE t.id = f.id`,
          [`[${fixes.join(",")}]`],
        ),
      );
    }
    onProgress(`${plan.name}: ${plan.count} rows`);
  };

  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === "") continue;
    if (!header) {
      header = await checkHeader(client, line);
      for (const table of header.tables) plans.set(table.name, { name: table.name, columns: table.columns, rows: [], fixes: [], count: 0 });
      continue;
    }
    if (trailer) throw new ImportError(`line ${lineNumber}: rows after the end of the export: the file is damaged`);
    const match = ROW_LINE.exec(line);
    if (!match) {
      trailer = parseTrailer(line, lineNumber);
      continue;
    }
    const plan = plans.get(match[1]!);
    if (!plan || !line.endsWith("}")) throw new ImportError(`line ${lineNumber}: not a row of this export (table "${match[1]}"): the file is damaged`);
    if (plan !== current) {
      if (current) await finishTable(current);
      current = plan;
    }
    const body = line.slice(match[0].length, -1);
    if (match[2] === "r") {
      plan.rows.push(body);
      if (plan.rows.length >= IMPORT_BATCH) await flushRows(plan);
    } else {
      plan.fixes.push(body);
    }
  }
  if (!header) throw new ImportError("the file is empty: expected a Pactwatch export (npm run db:export)");
  if (current) await finishTable(current);
  if (!trailer) throw new ImportError("the file ends before the export's last line: it is truncated, so the import is incomplete; recreate the database and import a complete file");
  await resetSequences(client, header.tables.map((table) => table.name));
  const counts = Object.fromEntries([...plans.values()].map((plan) => [plan.name, plan.count]));
  for (const [table, expected] of Object.entries(trailer.rows)) {
    if (counts[table] !== expected) throw new ImportError(`${table}: the export says ${expected} rows, ${counts[table] ?? 0} were read: the file is damaged`);
  }
  return counts;
}

async function inTransaction(client: pg.ClientBase, work: () => Promise<unknown>): Promise<void> {
  await client.query("BEGIN");
  try {
    await work();
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

async function checkHeader(client: pg.ClientBase, line: string): Promise<TExportHeader> {
  let header: TExportHeader;
  try {
    header = JSON.parse(line) as TExportHeader;
  } catch {
    throw new ImportError("the first line is not JSON: this is not a Pactwatch export (npm run db:export)");
  }
  if (header?.format !== EXPORT_FORMAT || !Number.isInteger(header.version) || !Array.isArray(header.tables)) {
    throw new ImportError("the first line is not a Pactwatch export header (npm run db:export)");
  }
  if (header.version > EXPORT_FORMAT_VERSION) {
    throw new ImportError(`this export has format version ${header.version}, newer than this Pactwatch reads (${EXPORT_FORMAT_VERSION}): update Pactwatch, then import again`);
  }
  const known = new Set(RECORD_TABLES.map((table) => table.name));
  for (const table of header.tables) {
    if (!known.has(table.name)) throw new ImportError(`the export has a table this Pactwatch does not know ("${table.name}"): update Pactwatch, then import again`);
    const columns = new Set(await writableColumns(client, table.name));
    const missing = table.columns.filter((column) => !columns.has(column));
    if (missing.length > 0) {
      throw new ImportError(`${table.name} has no column ${missing.join(", ")} in this database: apply its migrations first (npm run db:migrate), or update Pactwatch`);
    }
  }
  const filled: string[] = [];
  for (const table of RECORD_TABLES) {
    const { rows } = await client.query<{ count: string }>(`SELECT count(*)::text AS count FROM ${tableSql(table.name)}`);
    if (rows[0]!.count !== "0") filled.push(`${table.name} (${rows[0]!.count} rows)`);
  }
  if (filled.length > 0) {
    throw new ImportError(`the target database is not empty: ${filled.join(", ")}. Import into a new, empty database (db:import applies the migrations itself); nothing was written`);
  }
  return header;
}

function parseTrailer(line: string, lineNumber: number): TExportTrailer {
  try {
    const trailer = JSON.parse(line) as TExportTrailer;
    if (trailer?.end === true && trailer.rows && typeof trailer.rows === "object") return trailer;
  } catch {
    // falls through to the message below
  }
  throw new ImportError(`line ${lineNumber}: neither a row nor the export's last line: the file is damaged`);
}

// Sequences (AuditEvent.id) continue after the highest imported value, so new rows never collide.
async function resetSequences(client: pg.ClientBase, tables: string[]): Promise<void> {
  for (const table of tables) {
    const { rows } = await client.query<{ column_name: string; sequence: string | null }>(
      `SELECT column_name, pg_get_serial_sequence($1, column_name) AS sequence FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $2`,
      [tableSql(table), table],
    );
    for (const row of rows) {
      if (!row.sequence) continue;
      await client.query(`SELECT setval($1, COALESCE((SELECT max(${tableSql(row.column_name)}) FROM ${tableSql(table)}), 1), (SELECT count(*) > 0 FROM ${tableSql(table)}))`, [row.sequence]);
    }
  }
}
