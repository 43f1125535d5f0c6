// Parties' positions side by side (decision 033): for each party, the positions that stand (none
// of the same party's later ones superseded them) and the history of those that were superseded,
// each newest first. Pure, so the pages, the API and the tests agree on what "current" means.

export type TPositionLike = { id: string; partyCode: string; supersedesId: string | null; statedAt: Date; createdAt: Date };

export type TPartyPositions<T> = { partyCode: string; current: T[]; superseded: (T & { supersededById: string })[] };

function newestFirst(a: TPositionLike, b: TPositionLike): number {
  return b.statedAt.getTime() - a.statedAt.getTime() || b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** Groups positions by party, in the order of partyCodes (parties without a position get an empty column), then any other party seen. */
export function positionsByParty<T extends TPositionLike>(partyCodes: readonly string[], positions: readonly T[]): TPartyPositions<T>[] {
  const supersededBy = new Map<string, string>();
  for (const position of positions) if (position.supersedesId) supersededBy.set(position.supersedesId, position.id);
  const codes = [...new Set([...partyCodes, ...positions.map((position) => position.partyCode)])];
  return codes.map((partyCode) => {
    const own = positions.filter((position) => position.partyCode === partyCode).sort(newestFirst);
    return {
      partyCode,
      current: own.filter((position) => !supersededBy.has(position.id)),
      superseded: own.filter((position) => supersededBy.has(position.id)).map((position) => ({ ...position, supersededById: supersededBy.get(position.id)! })),
    };
  });
}

/** BCP 47 codes the pages name in words; others are shown as their code. */
export const LANGUAGE_NAMES: Record<string, string> = { en: "English", ja: "Japanese", ko: "Korean", zh: "Chinese", fr: "French", de: "German" };

export function languageName(code: string): string {
  return LANGUAGE_NAMES[code.split("-")[0]!.toLowerCase()] ?? code;
}
