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

const seconds = (instant: Date) => instant.toISOString().replace(/\.\d{3}Z$/, "Z");

/** What a package as of an instant says of itself: which instant, which axis, and what that leaves out. */
function asOfDescription(asOf: { instant: Date; axis: "known" | "recorded" }): string {
  const how = asOf.axis === "known" ? "as it was known at" : "as Pactwatch recorded it at";
  return `The published record of Pactwatch ${how} ${asOf.instant.toISOString()} (axis "${asOf.axis}"): the developments that stood then, each in the version that stood, ` +
    "with that version's citations of sources public by then, and the conditions and condition states that stood then; retracted developments are left out. " +
    "Parties, agreements, trade measures, sources and links are not versioned and are given as they are now. ";
}

/** The whole datapackage.json; with asOf, of the record as it stood at that instant on that axis (the "asOf" property says which). */
export function dataPackageDescriptor({ created, homepage, asOf }: { created: Date; homepage: string; asOf?: { instant: Date; axis: "known" | "recorded" } }) {
  return {
    profile: "tabular-data-package",
    name: "pactwatch",
    title: "Pactwatch: agreements and trade measures between states, with cited sources",
    description:
      (asOf ? asOfDescription(asOf) : "The whole published record of Pactwatch: parties, agreements, trade measures, their developments, the citations backing each and the sources cited. ") +
      "CSV cells whose text begins with =, +, - or @ carry a leading apostrophe so that spreadsheets never run them as formulas.",
    // A property of our own (the profile allows them), only on a package of the past.
    ...(asOf ? { asOf: { instant: asOf.instant.toISOString(), axis: asOf.axis } } : {}),
    homepage,
    created: seconds(created),
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
