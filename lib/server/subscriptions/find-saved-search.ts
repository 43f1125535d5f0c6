import "server-only";
import { savedSearchWords } from "../../domain/saved-search-words";
import type { TSavedDevelopmentSearch } from "../../schemas/reader-queries";
import { savedSearchParams } from "../../schemas/saved-search";
import { AppError } from "../errors";
import type { TTransaction } from "../write-transaction";

const refuse = (message: string) => new AppError("INVALID_INPUT", message, { filters: [message] });

/**
 * A saved search's stored columns: its filters in the list's encoding and its words, with the
 * names of the parties and subjects it mentions. A code or slug that names nothing is refused:
 * the list would show nothing for it, and the subscription would never be told of anything.
 */
export async function findSavedSearch(tx: TTransaction, search: TSavedDevelopmentSearch) {
  const codes = [...new Set([search.party, ...(search.pair ?? [])].filter((code): code is string => Boolean(code)))];
  const parties = codes.length ? await tx.party.findMany({ where: { code: { in: codes } }, select: { code: true, name: true } }) : [];
  const missing = codes.find((code) => !parties.some((party) => party.code === code));
  if (missing) throw refuse(`No party has the code ${missing}: use its ISO code, e.g. JPN`);
  const agreement = search.agreement ? await tx.agreement.findUnique({ where: { slug: search.agreement }, select: { title: true, shortName: true } }) : null;
  if (search.agreement && !agreement) throw refuse(`No agreement has the slug ${search.agreement}`);
  const measure = search.measure ? await tx.tradeMeasure.findUnique({ where: { slug: search.measure }, select: { title: true } }) : null;
  if (search.measure && !measure) throw refuse(`No trade measure has the slug ${search.measure}`);
  const searchLabel = savedSearchWords(search, {
    parties: Object.fromEntries(parties.map((party) => [party.code, party.name])),
    agreement: agreement ? (agreement.shortName ?? agreement.title) : undefined,
    measure: measure?.title,
  });
  return { searchFilters: savedSearchParams(search), searchLabel };
}
