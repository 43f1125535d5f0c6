import "server-only";
import { containsPattern, escapeLike } from "../like-pattern";
import { z } from "zod";
import { Prisma } from "../../generated/prisma/client";
import type { TPartyListQuery } from "../../schemas/reader-queries";
import { readDatabase } from "../read-database";
import { decodeCursor, encodeCursor } from "../keyset";
import { keysetSql } from "../list-sort-sql";
import { assertCan, type TActor } from "../permissions";
import { parseRows } from "../rows/parse-rows";
import { ZPartyListRow } from "../rows/party-rows";
import { asOfOnRecordSql, type TAsOf } from "../as-of-sql";

export type TPartyListFilters = Partial<Omit<TPartyListQuery, "cursor" | "limit" | "asOf" | "axis">>;

/**
 * A page of parties with how many agreements and measures involve each, in one round trip. By
 * default only parties something tracked involves; search reads code, name and aliases. As of an
 * instant (decision 040) only the agreements and measures on the record then count (one of their
 * developments stood), so "involved" and "most tracked first" read the record then.
 */
export async function listParties(
  actor: TActor,
  filters: TPartyListFilters = {},
  { cursor, limit = 50, asOf }: { cursor?: string; limit?: number; asOf?: TAsOf } = {},
) {
  assertCan(actor, "published:read");
  const database = await readDatabase(actor);
  const sort = filters.sort ?? "name";
  const conditions: Prisma.Sql[] = [Prisma.sql`true`];
  if (filters.q) {
    const pattern = containsPattern(filters.q);
    conditions.push(Prisma.sql`(p.code ILIKE ${escapeLike(filters.q)} OR p.name ILIKE ${pattern} OR EXISTS (SELECT 1 FROM unnest(p.aliases) alias WHERE alias ILIKE ${pattern}))`);
  }
  if (filters.kind?.length) conditions.push(Prisma.sql`p.kind = ANY(${filters.kind}::"PartyKind"[])`);
  const involvement = filters.scope === "all" ? Prisma.sql`true` : Prisma.sql`counted.agreements + counted.measures > 0`;
  const sortSql = keysetSql(
    sort === "activity"
      ? { expression: Prisma.sql`counted.agreements + counted.measures`, direction: "desc", type: "number" }
      : { expression: Prisma.sql`lower(counted.name)`, direction: "asc", type: "text" },
  );
  const onRecord = (column: "agreementId" | "measureId", id: Prisma.Sql) => (asOf ? asOfOnRecordSql(column, id, asOf) : Prisma.sql`true`);
  const after = cursor ? sortSql.after(decodeCursor(cursor, z.tuple([z.union([z.string(), z.number()]), z.uuid()]))) : Prisma.sql`true`;
  const raw = await database.$queryRaw`
    WITH counted AS (
      SELECT p.id, p.code, p.name, p.kind::text AS kind, p.aliases,
        (SELECT count(*) FROM "AgreementParty" ap WHERE ap."partyId" = p.id AND ${onRecord("agreementId", Prisma.sql`ap."agreementId"`)})::int AS agreements,
        ((SELECT count(*) FROM "TradeMeasure" m WHERE m."imposingPartyId" = p.id AND ${onRecord("measureId", Prisma.sql`m.id`)})
          + (SELECT count(*) FROM "TradeMeasureTarget" t WHERE t."partyId" = p.id AND ${onRecord("measureId", Prisma.sql`t."measureId"`)}))::int AS measures
      FROM "Party" p WHERE ${Prisma.join(conditions, " AND ")}
    ), ranked AS (
      SELECT counted.*, ${sortSql.key} AS "sortKey", count(*) OVER () AS total FROM counted WHERE ${involvement}
    )
    SELECT * FROM ranked WHERE ${after} ORDER BY ${sortSql.order} LIMIT ${limit + 1}`;
  const rows = parseRows(ZPartyListRow, raw);
  const last = rows[limit - 1];
  return {
    items: rows.slice(0, limit).map(({ sortKey: _key, total: _total, id: _id, ...party }) => party),
    total: rows[0]?.total ?? 0,
    nextCursor: rows.length > limit && last ? encodeCursor([last.sortKey, last.id]) : null,
  };
}

export type TPartyList = Awaited<ReturnType<typeof listParties>>;
