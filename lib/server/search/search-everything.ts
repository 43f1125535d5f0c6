import "server-only";
import { listAgreements } from "../agreements/list-agreements";
import { listMeasures } from "../measures/list-measures";
import { listParties } from "../parties/list-parties";
import type { TActor } from "../permissions";
import { listSources } from "../sources/list-sources";
import { listPublishedChanges } from "../status-changes/list-published-changes";
import type { TAsOf } from "../as-of-sql";

/** How many hits each section of the search page shows before "see all". */
export const SEARCH_SECTION_SIZE = 5;

/**
 * One search box over everything a reader can open: agreements, trade measures, developments,
 * sources and parties, each section the best few hits of its own list (one round trip each, run
 * at once), so "see all" links lead to the same list with the same query.
 */
export async function searchEverything(actor: TActor, q: string, now: Date = new Date(), asOf?: TAsOf) {
  // As of an instant (decision 029) statuses and developments are those that stood then; sources
  // and parties are not versioned and show as now.
  const [agreements, measures, developments, sources, parties] = await Promise.all([
    listAgreements(actor, { q }, { limit: SEARCH_SECTION_SIZE, now, asOf }),
    listMeasures(actor, { q }, { limit: SEARCH_SECTION_SIZE, now, asOf }),
    listPublishedChanges(actor, { q, state: "published" }, { limit: SEARCH_SECTION_SIZE * 2, now, asOf }),
    listSources(actor, { q }, { limit: SEARCH_SECTION_SIZE, asOf }),
    listParties(actor, { q, scope: "all" }, { limit: SEARCH_SECTION_SIZE }),
  ]);
  return { agreements, measures, developments, sources, parties };
}
