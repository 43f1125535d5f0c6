import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { cache } from "react";
import { HistoryEntry } from "@/components/history-entry";
import { ConditionsSection } from "@/components/conditions-section";
import { PositionsSection } from "@/components/positions-section";
import { listSubjectPositions } from "@/lib/server/positions/list-positions";
import { listSubjectConditions } from "@/lib/server/conditions/list-subject-conditions";
import { getCurrentActor } from "@/lib/server/session";
import { getPublishedChange } from "@/lib/server/status-changes/get-published-change";
import { orNotFound } from "../../_shared/load";
import { UNDERLINED_LINKS } from "@/components/underlined-links";
import { AsOfBanner } from "@/components/as-of-banner";
import { keepAsOf } from "@/lib/domain/as-of-link";
import { readAsOf } from "../../_shared/as-of-param";
import { firstParam } from "../../_shared/load";
import { getReviewCredit } from "@/lib/server/reviews/get-review-credit";

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// The reader's asOf (decision 029): getPublishedChange reads a date or wall time in the
// development's own zone; an unreadable one shows the present with a note.
const load = cache(async (id: string, asOf?: string, axis?: string) => {
  await connection();
  const { query, invalid } = readAsOf({ asOf, axis });
  const entry = await orNotFound(getPublishedChange(await getCurrentActor(), id, new Date(), query));
  return { entry, asOf: entry.asOf, invalid };
});

async function loadAsOf(id: string, search: Record<string, string | string[] | undefined>) {
  return load(id, firstParam(search.asOf), firstParam(search.axis));
}

export async function generateMetadata({ params, searchParams }: TProps): Promise<Metadata> {
  const { entry } = await loadAsOf((await params).id, await searchParams);
  const description = `${entry.subject.name}: ${entry.headline}. Cited to ${entry.citations.map((citation) => citation.source.publisher).join(", ")}.`;
  return { title: `${entry.headline} (${entry.subject.name})`, description, openGraph: { title: entry.headline, description, type: "article" } };
}

/** A development's permanent address: what Atom entries and timeline readers link to. */
export default async function DevelopmentPage({ params, searchParams }: TProps) {
  const { entry, asOf, invalid } = await loadAsOf((await params).id, await searchParams);
  const keep = (href: string) => keepAsOf(href, asOf);
  // As of an instant: the conditions and states that stood then (lib/domain/condition-as-of.ts).
  const conditions = await listSubjectConditions(await getCurrentActor(), { statusChangeId: entry.id }, asOf ?? undefined);
  const reviewedBy = await getReviewCredit(await getCurrentActor(), entry.id);
  // And the positions that stood then; a development lists its parties in the order they spoke.
  const positions = await listSubjectPositions(await getCurrentActor(), { statusChangeId: entry.id }, [], asOf ?? undefined);
  const mark = entry.schedule === "pending" ? { kind: "pending" as const } : entry.schedule === "cancelled" ? { kind: "cancelled" as const, by: null } : null;
  return (
    <div className={UNDERLINED_LINKS}>
      <p className="text-sm text-muted">
        <Link href={keep("/developments")}>Developments</Link> / <Link href={keep(entry.subject.href)}>{entry.subject.name}</Link>
      </p>
      <AsOfBanner asOf={asOf} timeZone={entry.timeZone} presentHref={`/developments/${entry.id}`} invalid={invalid} />
      <h1 className="sr-only">Development: {entry.headline}</h1>
      <HistoryEntry entry={entry} mark={mark} subject={{ name: entry.subject.title || entry.subject.name, href: entry.subject.href }} linkTo="page" headingLevel={2} asOf={asOf} />
      {reviewedBy && <p className="mt-2 text-sm">Published after review by a second person: reviewed by {reviewedBy}.</p>}
      <ConditionsSection conditions={conditions} asOf={asOf ?? undefined} />
      {positions && <PositionsSection {...positions} about="this development" />}
      <p className="mt-4 text-sm">
        <Link href={keep(`${entry.subject.href}#entry-${entry.id}`)}>See it in the full history of {entry.subject.name} →</Link>
      </p>
      <p className="mt-1 text-sm">
        <Link href={keep(`/developments/${entry.id}/revisions`)}>
          Revision history{entry.revisions.corrections > 0 ? ` (corrected ${entry.revisions.corrections === 1 ? "once" : `${entry.revisions.corrections} times`})` : ""} →
        </Link>
      </p>
    </div>
  );
}
