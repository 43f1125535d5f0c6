import "server-only";
import type { TEditStatusChange } from "../../schemas/status-change";

// A correction's proposal is the validated edit kept as JSON (submit-for-review.ts). Its only
// non-JSON values are dates, which come back as ISO strings: this revives them, and nothing else.

type TJsonEdit = Omit<TEditStatusChange, "occurredAt" | "effectiveAt" | "citations"> & {
  occurredAt: string;
  effectiveAt: string | null;
  citations: (Omit<TEditStatusChange["citations"][number], "publishedOn"> & { publishedOn: string | null })[];
};

/** The edit a correction proposed, as editStatusChange received it. */
export function reviveEditProposal(proposal: unknown): TEditStatusChange {
  const edit = proposal as TJsonEdit;
  return {
    ...edit,
    occurredAt: new Date(edit.occurredAt),
    effectiveAt: edit.effectiveAt === null ? null : new Date(edit.effectiveAt),
    citations: edit.citations.map((citation) => ({ ...citation, publishedOn: citation.publishedOn === null ? null : new Date(citation.publishedOn) })),
    note: edit.note ?? {},
  } as TEditStatusChange;
}

/** The reason a retraction proposed. */
export function retractionReasonOf(proposal: unknown): string {
  return String((proposal as { reason?: unknown } | null)?.reason ?? "");
}
