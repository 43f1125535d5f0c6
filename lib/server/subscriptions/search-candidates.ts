import "server-only";
import { Prisma } from "../../generated/prisma/client";
import { readSavedSearch } from "../../schemas/saved-search";
import { parseRows } from "../rows/parse-rows";
import { ZSearchCandidateRow } from "../rows/subscription-rows";
import { matchSavedSearches } from "../status-changes/match-saved-searches";
import type { TTransaction } from "../write-transaction";

/** Live searches read per statement, in id order (a keyset, so a large number never loads at once). */
const SEARCHES_PER_READ = 500;

/**
 * The live SEARCH subscriptions whose results include a development just published (decision
 * 039), as fan-out candidates. An escalations-only search is read only for an escalation. A
 * stored search that no longer parses is skipped and logged: it cannot say what it matches.
 */
export async function searchCandidates(tx: TTransaction, entry: { id: string; direction: string }) {
  const rules = entry.direction === "ESCALATION" ? ["ANY_DEVELOPMENT", "ESCALATION"] : ["ANY_DEVELOPMENT"];
  const found: { id: string; rule: "ANY_DEVELOPMENT" | "ESCALATION"; ruleStatus: null; includeCorrections: boolean; channel: "EMAIL" | "WEBHOOK" | "FEED"; wasDelivered: false }[] = [];
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = parseRows(
      ZSearchCandidateRow,
      await tx.$queryRaw(Prisma.sql`
        SELECT s."id", s."rule"::text AS "rule", s."includeCorrections", s."channel"::text AS "channel", s."searchFilters"
        FROM "Subscription" s
        WHERE s."subjectKind" = 'SEARCH' AND s."endedAt" IS NULL AND s."rule"::text = ANY(${rules}::text[]) AND s."id" > ${after}::uuid
        ORDER BY s."id" LIMIT ${SEARCHES_PER_READ}`),
    );
    const searches = rows.flatMap((row) => {
      const search = readSavedSearch(row.searchFilters);
      if (!search) console.warn(`[subscriptions] subscription ${row.id}: its saved search no longer parses; skipped`);
      return search ? [{ id: row.id, search }] : [];
    });
    const matched = await matchSavedSearches(tx, entry.id, searches);
    for (const row of rows) if (matched.has(row.id)) found.push({ id: row.id, rule: row.rule, ruleStatus: null, includeCorrections: row.includeCorrections, channel: row.channel, wasDelivered: false });
    if (rows.length < SEARCHES_PER_READ) return found;
    after = rows[rows.length - 1]!.id;
  }
}
