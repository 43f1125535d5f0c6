import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/server/errors";
import type { TSignedInActor } from "@/lib/server/permissions";
import { getStatusChange } from "@/lib/server/status-changes/get-status-change";

/** The entry for a desk page, or the 404 page. */
export async function loadEntry(actor: TSignedInActor, id: string) {
  try {
    return await getStatusChange(actor, id);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

/** Where readers see an entry: its place in the subject's history. */
export function publicHref(subject: { kind: "AGREEMENT" | "MEASURE"; slug: string }, id: string): string {
  return `/${subject.kind === "AGREEMENT" ? "agreements" : "measures"}/${subject.slug}#entry-${id}`;
}
