import "server-only";
import { AppError } from "../errors";
import type { TTransaction } from "../write-transaction";
import { canonicalPair } from "./get-relation";

/**
 * Refuses a judgment made in the mirror view of a pair that does not exist (NOT_FOUND, like the
 * view itself), or on two measures that are not one each way between its parties.
 */
export async function assertBetween(tx: TTransaction, pair: readonly [string, string], firstImposer: string, secondImposer: string): Promise<void> {
  const [first, second] = canonicalPair(pair[0], pair[1]);
  const found = await tx.party.findMany({ where: { code: { in: [first, second] } }, select: { code: true } });
  const missing = [first, second].filter((code) => !found.some((party) => party.code === code));
  if (missing.length) throw new AppError("NOT_FOUND", `No party has the code ${missing.map((code) => `“${code}”`).join(" or ")}.`);
  const [one, other] = canonicalPair(firstImposer, secondImposer);
  if (first !== one || second !== other) {
    throw new AppError("INVALID_INPUT", `These two measures are not one each way between ${first} and ${second}.`, { secondSlug: ["Choose a measure of the other party of this relation"] });
  }
}
