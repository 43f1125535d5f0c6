import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { cache } from "react";
import { HistoryEntry } from "@/components/history-entry";
import { ConditionsSection } from "@/components/conditions-section";
import { listSubjectConditions } from "@/lib/server/conditions/list-subject-conditions";
import { getCurrentActor } from "@/lib/server/session";
import { getPublishedChange } from "@/lib/server/status-changes/get-published-change";
import { orNotFound } from "../../_shared/load";
import { UNDERLINED_LINKS } from "@/components/underlined-links";

type TProps = { params: Promise<{ id: string }> };

const load = cache(async (id: string) => {
  await connection();
  return orNotFound(getPublishedChange(await getCurrentActor(), id));
});

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const entry = await load((await params).id);
  const description = `${entry.subject.name}: ${entry.headline}. Cited to ${entry.citations.map((citation) => citation.source.publisher).join(", ")}.`;
  return { title: `${entry.headline} (${entry.subject.name})`, description, openGraph: { title: entry.headline, description, type: "article" } };
}

/** A development's permanent address: what Atom entries and timeline readers link to. */
export default async function DevelopmentPage({ params }: TProps) {
  const entry = await load((await params).id);
  const conditions = await listSubjectConditions(await getCurrentActor(), { statusChangeId: entry.id });
  const mark = entry.schedule === "pending" ? { kind: "pending" as const } : entry.schedule === "cancelled" ? { kind: "cancelled" as const, by: null } : null;
  return (
    <div className={UNDERLINED_LINKS}>
      <p className="text-sm text-muted">
        <Link href="/developments">Developments</Link> / <Link href={entry.subject.href}>{entry.subject.name}</Link>
      </p>
      <h1 className="sr-only">Development: {entry.headline}</h1>
      <HistoryEntry entry={entry} mark={mark} subject={{ name: entry.subject.title || entry.subject.name, href: entry.subject.href }} linkTo="page" headingLevel={2} />
      <ConditionsSection conditions={conditions} />
      <p className="mt-4 text-sm">
        <Link href={`${entry.subject.href}#entry-${entry.id}`}>See it in the full history of {entry.subject.name} →</Link>
      </p>
      <p className="mt-1 text-sm">
        <Link href={`/developments/${entry.id}/revisions`}>
          Revision history{entry.revisions.corrections > 0 ? ` (corrected ${entry.revisions.corrections === 1 ? "once" : `${entry.revisions.corrections} times`})` : ""} →
        </Link>
      </p>
    </div>
  );
}
