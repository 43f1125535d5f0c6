import "server-only";
import type { TCreateSubscription } from "../../schemas/subscription";
import { AppError } from "../errors";
import type { TTransaction } from "../write-transaction";
import { findSavedSearch } from "./find-saved-search";

const NOT_FOUND = {
  AGREEMENT: "No agreement has this slug: copy it from the agreement's address, e.g. gsomia",
  MEASURE: "No trade measure has this slug: copy it from the measure's address",
  PARTY: "No party has this code: use its ISO code, e.g. KOR",
  RELATION: "Name two different parties by their codes, e.g. JPN-KOR",
  SEARCH: "Give the search to follow: the filters of the developments page",
} as const;

/** The ids a subscription's subject names (a search's filters and words), or INVALID_INPUT on the subject field. */
export async function findSubscriptionSubject(tx: TTransaction, input: Pick<TCreateSubscription, "subjectKind" | "subject" | "filters">) {
  const refuse = () => new AppError("INVALID_INPUT", NOT_FOUND[input.subjectKind], { subject: [NOT_FOUND[input.subjectKind]] });
  const key = input.subject.trim();
  switch (input.subjectKind) {
    case "AGREEMENT": {
      const agreement = await tx.agreement.findUnique({ where: { slug: key.toLowerCase() }, select: { id: true } });
      if (!agreement) throw refuse();
      return { agreementId: agreement.id };
    }
    case "MEASURE": {
      const measure = await tx.tradeMeasure.findUnique({ where: { slug: key.toLowerCase() }, select: { id: true } });
      if (!measure) throw refuse();
      return { measureId: measure.id };
    }
    case "PARTY": {
      const party = await tx.party.findUnique({ where: { code: key.toUpperCase() }, select: { id: true } });
      if (!party) throw refuse();
      return { partyId: party.id };
    }
    case "RELATION": {
      const codes = key.toUpperCase().split(/[-\s,]+/).filter(Boolean);
      if (codes.length !== 2 || codes[0] === codes[1]) throw refuse();
      const parties = await tx.party.findMany({ where: { code: { in: codes } }, select: { id: true, code: true } });
      if (parties.length !== 2) throw refuse();
      const [first, second] = codes.map((code) => parties.find((party) => party.code === code)!.id) as [string, string];
      return { partyId: first, otherPartyId: second };
    }
    case "SEARCH": {
      if (!input.filters) throw new AppError("INVALID_INPUT", NOT_FOUND.SEARCH, { filters: [NOT_FOUND.SEARCH] });
      return findSavedSearch(tx, input.filters);
    }
  }
}
