import "server-only";
import { AppError } from "../errors";
import type { TTransaction } from "../write-transaction";

/** The ids of parties named by code, in the caller's transaction; unknown codes are a field error. */
export async function partyIdsByCode(tx: TTransaction, codes: readonly string[], field: string): Promise<Map<string, string>> {
  const parties = await tx.party.findMany({ where: { code: { in: [...codes] } }, select: { id: true, code: true } });
  const ids = new Map(parties.map((party) => [party.code, party.id]));
  const unknown = codes.filter((code) => !ids.has(code));
  if (unknown.length > 0) {
    const message = `No party has the code ${unknown.join(", ")}: choose parties from the list`;
    throw new AppError("INVALID_INPUT", message, { [field]: [message] });
  }
  return ids;
}
