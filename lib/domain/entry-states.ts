import type { EntryState } from "../generated/prisma/enums";

/** An entry's editorial state as people read it. */
export const ENTRY_STATE_LABELS: Readonly<Record<EntryState, string>> = { DRAFT: "Draft", PUBLISHED: "Published", RETRACTED: "Retracted" };

/**
 * Who logged or saved an entry, for people. Only the demo data (and the large generated dataset)
 * is written without an account: users are never deleted (the foreign keys restrict it), so a
 * missing author always means data loaded by Pactwatch itself.
 */
export const LOADED_DATA_AUTHOR = "Pactwatch demo data";

export function authorName(author: { name: string } | null | undefined): string {
  return author?.name ?? LOADED_DATA_AUTHOR;
}
