import "server-only";
import { orNotFound } from "@/lib/server/or-not-found";
import type { TSignedInActor } from "@/lib/server/permissions";
import { getStatusChange } from "@/lib/server/status-changes/get-status-change";

/** The entry for a desk page, or the 404 page. */
export async function loadEntry(actor: TSignedInActor, id: string) {
  return orNotFound(getStatusChange(actor, id));
}

/** Where readers see an entry: its place in the subject's history. */
export function publicHref(subject: { kind: "AGREEMENT" | "MEASURE"; slug: string }, id: string): string {
  return `/${subject.kind === "AGREEMENT" ? "agreements" : "measures"}/${subject.slug}#entry-${id}`;
}
