import { z } from "zod";

// One definition per published table, describing its columns: the data package's Table Schemas
// (./table-schema.ts) and the zod schemas that parse its rows (rowSchema below) are both derived
// from it, so a column's type, nullability and allowed values are written down exactly once.

type TColumnKind =
  | { kind: "uuid" }
  | { kind: "string" }
  | { kind: "integer" }
  | { kind: "boolean" }
  | { kind: "date" }
  | { kind: "datetime" }
  | { kind: "enum"; values: readonly [string, ...string[]] }
  | { kind: "string-list" };

/**
 * isNullable: the value may be null (an empty cell). mayBeEmpty: a text that may be "" — an empty
 * cell too, which Frictionless tools read as missing, so its Table Schema field is not required.
 */
export type TColumn = TColumnKind & { name: string; description: string; isNullable: boolean; mayBeEmpty: boolean };

export type TForeignKey = { fields: string[]; table: string; references: string[] };

export type TTableDefinition = {
  /** The resource's name and CSV file name (data/<name>.csv). */
  name: string;
  title: string;
  description: string;
  columns: readonly TColumn[];
  primaryKey: readonly string[];
  foreignKeys: readonly TForeignKey[];
};

type TColumnOptions = { nullable?: boolean; mayBeEmpty?: boolean };

function column<TKind extends TColumnKind>(kind: TKind) {
  return (name: string, description: string, options: TColumnOptions = {}): TColumn => ({ ...kind, name, description, isNullable: options.nullable ?? false, mayBeEmpty: options.mayBeEmpty ?? false });
}

/** Column builders: `col.string("headline", "…")`, `col.enum(Status)("status", "…")`. */
export const col = {
  uuid: column({ kind: "uuid" }),
  string: column({ kind: "string" }),
  integer: column({ kind: "integer" }),
  boolean: column({ kind: "boolean" }),
  /** A calendar date, YYYY-MM-DD. */
  date: column({ kind: "date" }),
  /** An instant in UTC, to the second: YYYY-MM-DDThh:mm:ssZ. */
  datetime: column({ kind: "datetime" }),
  /** One of a Prisma enum's values. */
  enum: (values: Record<string, string>) => column({ kind: "enum", values: Object.values(values) as [string, ...string[]] }),
  /** A list of strings (a JSON array in a CSV cell). */
  stringList: column({ kind: "string-list" }),
};

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

function zodOf(column: TColumn): z.ZodType {
  switch (column.kind) {
    case "uuid":
      return z.uuid();
    case "string":
      return z.string();
    case "integer":
      return z.number().int();
    case "boolean":
      return z.boolean();
    case "date":
      return z.iso.date();
    case "datetime":
      return z.string().regex(DATETIME, "an instant in UTC to the second");
    case "enum":
      return z.enum(column.values);
    case "string-list":
      return z.array(z.string());
  }
}

/** The zod schema of one row of a table: every column, typed and nullable as defined. */
export function rowSchema(table: TTableDefinition) {
  const shape: Record<string, z.ZodType> = {};
  for (const column of table.columns) {
    const base = zodOf(column).describe(column.description);
    shape[column.name] = column.isNullable ? base.nullable() : base;
  }
  return z.object(shape);
}

export type TPublishedRow = Record<string, string | number | boolean | string[] | null>;
