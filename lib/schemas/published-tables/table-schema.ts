import type { TColumn, TTableDefinition } from "./columns";
import { PUBLISHED_TABLES } from "./tables";

// The Frictionless Data Package descriptor (datapackage.json, Data Package v1 with Table Schema
// v1), generated from the table definitions of ./tables.ts: nothing here is written by hand.

type TField = { name: string; description: string; type: string; format?: string; constraints?: { required?: boolean; enum?: readonly string[] } };

function fieldOf(column: TColumn): TField {
  const base = { name: column.name, description: column.description };
  const required = column.isNullable || column.mayBeEmpty ? {} : { required: true };
  switch (column.kind) {
    case "uuid":
      return { ...base, type: "string", format: "uuid", constraints: required };
    case "string":
      return { ...base, type: "string", constraints: required };
    case "integer":
    case "boolean":
    case "date":
    case "datetime":
      return { ...base, type: column.kind, constraints: required };
    case "enum":
      return { ...base, type: "string", constraints: { ...required, enum: column.values } };
    case "string-list":
      return { ...base, type: "array", constraints: required };
  }
}

/** A table's Table Schema: fields, primary key and foreign keys ("" names the table itself). */
export function tableSchemaOf(table: TTableDefinition) {
  return {
    fields: table.columns.map(fieldOf),
    // An empty cell is a missing value (null); required fields never have one.
    missingValues: [""],
    primaryKey: [...table.primaryKey],
    // The profile wants at least one foreign key when the property is there at all.
    ...(table.foreignKeys.length > 0
      ? { foreignKeys: table.foreignKeys.map((key) => ({ fields: [...key.fields], reference: { resource: key.table === table.name ? "" : key.table, fields: [...key.references] } })) }
      : {}),
  };
}

/** The path of a table's CSV inside the package. */
export const csvPathOf = (table: TTableDefinition) => `data/${table.name}.csv`;

/** The whole datapackage.json. */
export function dataPackageDescriptor({ created, homepage }: { created: Date; homepage: string }) {
  return {
    profile: "tabular-data-package",
    name: "pactwatch",
    title: "Pactwatch: agreements and trade measures between states, with cited sources",
    description:
      "The whole published record of Pactwatch: parties, agreements, trade measures, their developments, the citations backing each and the sources cited. " +
      "CSV cells whose text begins with =, +, - or @ carry a leading apostrophe so that spreadsheets never run them as formulas.",
    homepage,
    created: created.toISOString().replace(/\.\d{3}Z$/, "Z"),
    resources: PUBLISHED_TABLES.map((table) => ({
      name: table.name,
      title: table.title,
      description: table.description,
      path: csvPathOf(table),
      profile: "tabular-data-resource",
      format: "csv",
      mediatype: "text/csv",
      encoding: "utf-8",
      dialect: { delimiter: ",", doubleQuote: true, lineTerminator: "\n", header: true },
      schema: tableSchemaOf(table),
    })),
  };
}
