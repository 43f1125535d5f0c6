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
import { resolveAsOf } from "@/lib/domain/as-of";
import { ZAsOfQuery } from "@/lib/schemas/as-of";
import type { TAsOf } from "@/lib/server/as-of-sql";
import { firstParam } from "../../_shared/load";
import { getReviewCredit } from "@/lib/server/reviews/get-review-credit";

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The reader's asOf (decision 029). A date or wall time is read in the development's zone, which
 * is known only once it is read: the present entry gives it (one more primary-key read).
 */
async function readAsOf(id: string, search: Record<string, string | string[] | undefined>): Promise<{ asOf?: TAsOf; invalid: boolean }> {
  const parsed = ZAsOfQuery.safeParse({ asOf: firstParam(search.asOf), axis: firstParam(search.axis) });
  if (!parsed.success) return { invalid: true };
  if (!parsed.data.asOf) return { invalid: false };
  const zone = parsed.data.asOf.kind === "instant" ? "UTC" : (await load(id)).timeZone;
  return { asOf: { instant: resolveAsOf(parsed.data.asOf, zone), axis: parsed.data.axis }, invalid: false };
}

const load = cache(async (id: string, instant?: number, axis?: "known" | "recorded") => {
  await connection();
  const asOf = instant === undefined ? undefined : { instant: new Date(instant), axis: axis ?? "known" };
  return orNotFound(getPublishedChange(await getCurrentActor(), id, new Date(), asOf));
});

async function loadAsOf(id: string, search: Record<string, string | string[] | undefined>) {
  const { asOf, invalid } = await readAsOf(id, search);
  return { entry: await load(id, asOf?.instant.getTime(), asOf?.axis), asOf, invalid };
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
