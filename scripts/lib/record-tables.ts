import type pg from "pg";

// What a backup (npm run db:export / db:import, decision 014) holds, in foreign-key order: a
// table's rows only reference rows of tables above it, or of itself through `selfReferences`,
// which are written after the table's rows. Tables left out on purpose are in SKIPPED_TABLES;
// record-tables.test's integration twin fails when a migration adds a table in neither list.

export type TRecordTable = {
  name: string;
  /** Columns left out unless --with-secrets. */
  secretColumns?: readonly string[];
  /** The whole table is a secret (token hashes): only with --with-secrets. */
  isSecret?: boolean;
  /** Columns that point at rows of the same table: loaded after all of the table's rows. */
  selfReferences?: readonly string[];
};

export const RECORD_TABLES: readonly TRecordTable[] = [
  { name: "User", secretColumns: ["passwordHash"] },
  // Two-person review (decision 034): the switch, and every submission with its decision.
  { name: "DeskSetting" },
  { name: "Party" },
  { name: "Agreement" },
  { name: "AgreementParty" },
  { name: "TradeMeasure" },
  { name: "TradeMeasureTarget" },
  { name: "Link" },
  { name: "MirrorPairDismissal" },
  { name: "Source", selfReferences: ["mergedIntoId", "syndicatedFromId"] },
  { name: "StatusChange", selfReferences: ["cancelsId"] },
  { name: "Citation" },
  { name: "ReviewRequest" },
  { name: "Condition" },
  { name: "ConditionStateChange" },
  { name: "ConditionCitation" },
  { name: "PartyPosition", selfReferences: ["supersedesId"] },
  { name: "Revision" },
  { name: "AuditEvent" },
  { name: "ApiToken", isSecret: true },
  // Subscriptions (issue 14): the webhook signing key and the feed's secret hash are secrets.
  { name: "Subscription", secretColumns: ["webhookSecret", "feedTokenHash"] },
  { name: "Digest" },
  { name: "Delivery" },
  { name: "MailMessage" },
];

/**
 * Not part of the record: sign-in sessions, rate-limit counters, running exports and idempotency keys end;
 * migrations are the schema's; DevelopmentYearCount and CurrentStatusPeriod are derived from
 * StatusChange by triggers, which fill them again as an import writes the changes;
 * PublishedVersion is the page cache's counter (decision 024), made by its migration and moved by
 * the import's own writes. The job queue (schema pgboss, decision 028) is not in the public schema
 * and not part of the record: deliveries still PENDING after an import are sent again when their
 * subscription is resumed. StatusChangeRecord (decision 029) is refilled by the import's writes:
 * each development's version from its publishedAt (closed at retractedAt if retracted); the
 * versions between edits made before the backup are not carried (Revision keeps every save).
 */
export const SKIPPED_TABLES: readonly string[] = ["Session", "RateLimit", "ExportLease", "IdempotencyKey", "_prisma_migrations", "DevelopmentYearCount", "CurrentStatusPeriod", "PublishedVersion", "StatusChangeRecord"];

export const EXPORT_FORMAT = "pactwatch-export";
/** Raise when a change to the file's layout would confuse an older importer. */
export const EXPORT_FORMAT_VERSION = 1;

export type TExportHeader = {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  withSecrets: boolean;
  /** The newest migration of the exporting database, for information. */
  migration: string | null;
  tables: { name: string; columns: string[] }[];
};

export type TExportTrailer = { end: true; rows: Record<string, number> };

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
export const tableSql = quoted;

/** The table's columns that can be written: all but generated ones (the tsvector search columns). */
export async function writableColumns(client: pg.ClientBase, table: string): Promise<string[]> {
  const { rows } = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER'
      ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((row) => row.column_name);
}

/** The primary key's columns and their SQL types, in key order (for keyset paging). */
export async function primaryKey(client: pg.ClientBase, table: string): Promise<{ name: string; type: string }[]> {
  const { rows } = await client.query<{ name: string; type: string }>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
       FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
      WHERE i.indrelid = $1::regclass AND i.indisprimary
      ORDER BY array_position(i.indkey::int2[], a.attnum)`,
    [quoted(table)],
  );
  return rows;
}

/** Every table of the schema, to check that each is exported or skipped on purpose. */
export async function schemaTables(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  return rows.map((row) => row.table_name);
}

/** Tables in the schema that are neither exported nor skipped on purpose. */
export async function unplannedTables(client: pg.ClientBase): Promise<string[]> {
  const planned = new Set([...RECORD_TABLES.map((table) => table.name), ...SKIPPED_TABLES]);
  return (await schemaTables(client)).filter((name) => !planned.has(name));
}
