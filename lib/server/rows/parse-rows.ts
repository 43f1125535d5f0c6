import "server-only";
import { z } from "zod";
import type { Prisma } from "../../generated/prisma/client";

// Every $queryRaw result passes through here: its zod schema (lib/server/rows/*) checks each row
// and converts what PostgreSQL hands back through adapter-pg into what the code reads (bigint
// counts to numbers, instants inside json aggregates from ISO strings to Dates). A row of another
// shape fails loudly here, naming the column, instead of as `undefined` three files away.
// Production parses too: docs/decisions/009-typed-rows.md has the measured cost.

/** What can run a raw query: the app's client or a transaction's. */
export type TRawQueryable = { $queryRaw<T = unknown>(query: Prisma.Sql): Prisma.PrismaPromise<T> };

/** A raw query returned a row its schema does not describe (a changed SELECT, a type PostgreSQL returns differently). */
export class RowShapeError extends Error {
  override name = "RowShapeError";
  constructor(
    readonly family: string,
    readonly rowIndex: number,
    readonly column: string,
    detail: string,
  ) {
    super(`${family}: row ${rowIndex}, column "${column}": ${detail}`);
  }
}

// How many rows each schema has checked in this process: lets the integration suites prove they
// exercised every row family with real rows (tests/reader/row-schemas.integration.test.ts).
const rowsChecked = new Map<z.ZodType, number>();

/** Rows checked so far by `schema` (for the tests). */
export function rowsCheckedBy(schema: z.ZodType): number {
  return rowsChecked.get(schema) ?? 0;
}

/** The rows of a raw query, each checked and converted by `schema`; throws RowShapeError at the first that does not fit. */
export function parseRows<TSchema extends z.ZodType>(schema: TSchema, rows: unknown): z.output<TSchema>[] {
  const family = schema.description ?? "raw query row";
  if (!Array.isArray(rows)) throw new RowShapeError(family, -1, "", `expected an array of rows, got ${typeof rows}`);
  const parsed = new Array<z.output<TSchema>>(rows.length);
  for (let index = 0; index < rows.length; index++) {
    const result = schema.safeParse(rows[index]);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw new RowShapeError(family, index, columnPath(issue.path), issue.message);
    }
    parsed[index] = result.data;
  }
  rowsChecked.set(schema, (rowsChecked.get(schema) ?? 0) + rows.length);
  return parsed;
}

/** Runs `sql` and parses its rows with `schema`. */
export async function queryRows<TSchema extends z.ZodType>(database: TRawQueryable, schema: TSchema, sql: Prisma.Sql): Promise<z.output<TSchema>[]> {
  return parseRows(schema, await database.$queryRaw<unknown>(sql));
}

function columnPath(path: readonly PropertyKey[]): string {
  return path.map((part, position) => (typeof part === "number" ? `[${part}]` : `${position === 0 ? "" : "."}${String(part)}`)).join("");
}

