import type pg from "pg";
import {
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  primaryKey,
  RECORD_TABLES,
  tableSql,
  unplannedTables,
  writableColumns,
  type TExportHeader,
  type TExportTrailer,
} from "./record-tables";

/** Rows read per round trip: memory stays flat however large the record. */
export const EXPORT_BATCH = 1000;

export type TExportOptions = {
  withSecrets: boolean;
  /** Writes one line (without its newline); awaited, so a slow disk slows the reading. */
  writeLine: (line: string) => Promise<void>;
  onProgress?: (message: string) => void;
};

/**
 * Writes the whole record as JSON Lines: a header (format, version, table order, columns), one
 * line per row `{"t":"<table>","r":{…}}` with the row exactly as PostgreSQL's to_jsonb gives it
 * (never parsed in JavaScript, so big numbers and JSON documents pass unchanged), a line per
 * self-reference to restore `{"t":…,"fix":{…}}`, and a trailer with the row counts. Reads one
 * consistent snapshot (REPEATABLE READ).
 */
export async function exportRecord(client: pg.ClientBase, options: TExportOptions): Promise<TExportTrailer> {
  const progress = options.onProgress ?? (() => {});
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  try {
    const unplanned = await unplannedTables(client);
    if (unplanned.length > 0) {
      throw new Error(`the database has tables this export does not know (${unplanned.join(", ")}): update scripts/lib/record-tables.ts`);
    }
    const tables = RECORD_TABLES.filter((table) => options.withSecrets || !table.isSecret);
    const plans = [];
    for (const table of tables) {
      const columns = await writableColumns(client, table.name);
      const omitted = options.withSecrets ? [] : [...(table.secretColumns ?? [])];
      plans.push({ table, columns: columns.filter((column) => !omitted.includes(column)), omitted, key: await primaryKey(client, table.name) });
    }
    const header: TExportHeader = {
      format: EXPORT_FORMAT,
      version: EXPORT_FORMAT_VERSION,
      exportedAt: new Date().toISOString(),
      withSecrets: options.withSecrets,
      migration: await latestMigration(client),
      tables: plans.map((plan) => ({ name: plan.table.name, columns: plan.columns })),
    };
    await options.writeLine(JSON.stringify(header));
    const counts: Record<string, number> = {};
    for (const plan of plans) {
      const selfReferences = [...(plan.table.selfReferences ?? [])];
      const dropped = [...plan.omitted, ...selfReferences, ...(await generatedColumns(client, plan.table.name))];
      const keyList = plan.key.map((column) => tableSql(column.name)).join(", ");
      const keyText = plan.key.map((column) => `${tableSql(column.name)}::text`).join(", ");
      const after = plan.key.map((column, index) => `(($2::text[])[${index + 1}])::${column.type}`).join(", ");
      const sql = `SELECT (to_jsonb(t) - $1::text[])::text AS row, ARRAY[${keyText}] AS key FROM ${tableSql(plan.table.name)} t
        WHERE $2::text[] IS NULL OR (${keyList}) > (${after}) ORDER BY ${keyList} LIMIT ${EXPORT_BATCH}`;
      let cursor: string[] | null = null;
      let count = 0;
      for (;;) {
        const { rows }: { rows: { row: string; key: string[] }[] } = await client.query(sql, [dropped, cursor]);
        for (const row of rows) await options.writeLine(`{"t":${JSON.stringify(plan.table.name)},"r":${row.row}}`);
        count += rows.length;
        if (rows.length < EXPORT_BATCH) break;
        cursor = rows[rows.length - 1]!.key;
        progress(`${plan.table.name}: ${count} rows…`);
      }
      for (const column of selfReferences) {
        const { rows } = await client.query<{ fix: string }>(
          `SELECT jsonb_build_object('id', id, $1::text, ${tableSql(column)})::text AS fix FROM ${tableSql(plan.table.name)} WHERE ${tableSql(column)} IS NOT NULL ORDER BY id`,
          [column],
        );
        for (const row of rows) await options.writeLine(`{"t":${JSON.stringify(plan.table.name)},"fix":${row.fix}}`);
      }
      counts[plan.table.name] = count;
      progress(`${plan.table.name}: ${count} rows`);
    }
    const trailer: TExportTrailer = { end: true, rows: counts };
    await options.writeLine(JSON.stringify(trailer));
    return trailer;
  } finally {
    await client.query("ROLLBACK");
  }
}

async function generatedColumns(client: pg.ClientBase, table: string): Promise<string[]> {
  const { rows } = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND is_generated <> 'NEVER'`,
    [table],
  );
  return rows.map((row) => row.column_name);
}

async function latestMigration(client: pg.ClientBase): Promise<string | null> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name DESC LIMIT 1`,
  );
  return rows[0]?.name ?? null;
}
