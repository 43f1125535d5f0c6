import "server-only";
import { Prisma } from "../generated/prisma/client";

// Keyset paging of lists sorted by a computed key (name, relevance, latest change …): each row
// carries its key as "sortKey", rows are ordered by ("sortKey", id) and the next page starts
// strictly after the last row's pair. Keys are text or numbers (instants as epoch seconds), so a
// cursor round-trips through JSON exactly.

export type TSortKey = { expression: Prisma.Sql; direction: "asc" | "desc"; type: "text" | "number" };

/** The key column, the ORDER BY and the "after this cursor" condition for one sort key. */
export function keysetSql(sortKey: TSortKey) {
  const isAscending = sortKey.direction === "asc";
  const cast = (value: string | number) => (sortKey.type === "text" ? Prisma.sql`${String(value)}::text` : Prisma.sql`${Number(value)}::float8`);
  return {
    key: sortKey.type === "text" ? Prisma.sql`(${sortKey.expression})::text` : Prisma.sql`(${sortKey.expression})::float8`,
    order: isAscending ? Prisma.sql`"sortKey" ASC, id ASC` : Prisma.sql`"sortKey" DESC, id DESC`,
    after: ([value, id]: readonly [string | number, string]) =>
      isAscending ? Prisma.sql`("sortKey", id) > (${cast(value)}, ${id}::uuid)` : Prisma.sql`("sortKey", id) < (${cast(value)}, ${id}::uuid)`,
  };
}

/** Epoch seconds of an instant expression, with undated rows last in a newest-first list. */
export function epochOrLast(expression: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`COALESCE(extract(epoch FROM ${expression}), -1e12)`;
}
