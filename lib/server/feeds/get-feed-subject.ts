import "server-only";
import { Prisma } from "../../generated/prisma/client";
import { readDatabase } from "../read-database";
import { AppError } from "../errors";
import { assertCan, type TActor } from "../permissions";
import { ZNameRow } from "../rows/name-row";
import { queryRows } from "../rows/parse-rows";
import type { TDevelopmentFilters } from "../status-changes/list-published-changes";

/** What a feed follows: everything, one agreement or measure, a party or a pair of parties. */
export type TFeedScope =
  | { kind: "all" }
  | { kind: "agreement"; slug: string }
  | { kind: "measure"; slug: string }
  | { kind: "party"; code: string }
  | { kind: "relation"; codes: [string, string] };

/** The feed's title, the page it mirrors and the history filters behind it; NOT_FOUND for an unknown subject. */
export async function getFeedSubject(actor: TActor, scope: TFeedScope): Promise<{ title: string; pagePath: string; feedPath: string; filters: TDevelopmentFilters }> {
  assertCan(actor, "published:read");
  const database = await readDatabase(actor);
  switch (scope.kind) {
    case "all":
      return { title: "Pactwatch: all developments", pagePath: "/developments", feedPath: "/feeds/developments.atom", filters: {} };
    case "agreement": {
      const rows = await queryRows(database, ZNameRow, Prisma.sql`SELECT COALESCE("shortName", title) AS name FROM "Agreement" WHERE slug = ${scope.slug}`);
      if (!rows[0]) throw new AppError("NOT_FOUND", `No agreement is recorded at “${scope.slug}”.`);
      return { title: `${rows[0].name}: developments (Pactwatch)`, pagePath: `/agreements/${scope.slug}`, feedPath: `/feeds/agreements/${scope.slug}.atom`, filters: { agreement: scope.slug } };
    }
    case "measure": {
      const rows = await queryRows(database, ZNameRow, Prisma.sql`SELECT title AS name FROM "TradeMeasure" WHERE slug = ${scope.slug}`);
      if (!rows[0]) throw new AppError("NOT_FOUND", `No trade measure is recorded at “${scope.slug}”.`);
      return { title: `${rows[0].name}: developments (Pactwatch)`, pagePath: `/measures/${scope.slug}`, feedPath: `/feeds/measures/${scope.slug}.atom`, filters: { measure: scope.slug } };
    }
    case "party": {
      const rows = await queryRows(database, ZNameRow, Prisma.sql`SELECT name FROM "Party" WHERE code = ${scope.code}`);
      if (!rows[0]) throw new AppError("NOT_FOUND", `No party has the code “${scope.code}”.`);
      return { title: `${rows[0].name}: developments (Pactwatch)`, pagePath: `/parties/${scope.code}`, feedPath: `/feeds/parties/${scope.code}.atom`, filters: { party: scope.code } };
    }
    case "relation": {
      const [first, second] = [...scope.codes].sort() as [string, string];
      const rows = await queryRows(database, ZNameRow, Prisma.sql`SELECT name FROM "Party" WHERE code IN (${first}, ${second}) ORDER BY code`);
      if (rows.length < 2) throw new AppError("NOT_FOUND", `No relation between “${first}” and “${second}” can be followed: a party code is unknown.`);
      const pair = `${first}-${second}`;
      return {
        title: `${rows[0]!.name} and ${rows[1]!.name}: developments (Pactwatch)`,
        pagePath: `/relations/${pair}`,
        feedPath: `/feeds/relations/${pair}.atom`,
        filters: { pair: [first, second] },
      };
    }
  }
}
