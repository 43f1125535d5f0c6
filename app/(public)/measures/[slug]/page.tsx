import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { cache } from "react";
import { humanize } from "@/components/filter-form";
import { RelatedItems } from "@/components/related-items";
import { StatusPanel } from "@/components/status-panel";
import { ConditionsSection } from "@/components/conditions-section";
import { LiveConditions } from "@/components/live-conditions";
import { PositionsSection } from "@/components/positions-section";
import { listSubjectPositions } from "@/lib/server/positions/list-positions";
import { conditionBreaches, listSubjectConditions } from "@/lib/server/conditions/list-subject-conditions";
import { SubjectTimelineSection } from "@/components/subject-timeline-section";
import { SubscribeLinks } from "@/components/subscribe-links";
import { formatIsoDate } from "@/lib/domain/dates";
import { getMeasure } from "@/lib/server/measures/get-measure";
import { canonicalPair } from "@/lib/server/relations/get-relation";
import { getCurrentActor } from "@/lib/server/session";
import { listPublishedChanges } from "@/lib/server/status-changes/list-published-changes";
import { HistorySection } from "../../_shared/history-section";
import { firstParam, orNotFound } from "../../_shared/load";
import { UNDERLINED_LINKS } from "@/components/underlined-links";
import { subjectHref } from "@/lib/domain/subject-ref";
import { AsOfBanner } from "@/components/as-of-banner";
import { asOfParams, keepAsOf } from "@/lib/domain/as-of-link";
import { readAsOf } from "../../_shared/as-of-param";

type TProps = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Keyed by the strings, so the metadata and the page share one read.
const load = cache(async (slug: string, asOf?: string, axis?: string) => {
  await connection();
  const { query } = readAsOf({ asOf, axis });
  return orNotFound(getMeasure(await getCurrentActor(), slug, new Date(), query));
});

export async function generateMetadata({ params, searchParams }: TProps): Promise<Metadata> {
  const search = await searchParams;
  const measure = await load((await params).slug, firstParam(search.asOf), firstParam(search.axis));
  const description = measure.summary.slice(0, 200) || `Status and sourced history of ${measure.title}.`;
  return {
    title: measure.title,
    description,
    openGraph: { title: measure.title, description, type: "article" },
    alternates: { types: { "application/atom+xml": [{ url: `/feeds/measures/${measure.slug}.atom`, title: `${measure.title}: developments` }] } },
  };
}

export default async function MeasurePage({ params, searchParams }: TProps) {
  const { slug } = await params;
  const search = await searchParams;
  const cursor = firstParam(search.cursor);
  const actor = await getCurrentActor();
  const { invalid } = readAsOf(search);
  // As of an instant, the history needs the instant resolved in the measure's zone: read after the head.
  const measure = await load(slug, firstParam(search.asOf), firstParam(search.axis));
  const asOf = measure.asOf;
  const [history, conditions] = await Promise.all([
    orNotFound(listPublishedChanges(actor, { measure: slug }, { cursor, asOf })),
    // As of an instant: the conditions and states that stood then (lib/domain/condition-as-of.ts).
    listSubjectConditions(actor, { measure: slug }, asOf ?? undefined),
  ]);
  // The imposer's column first, then its targets'; as of an instant, the positions that stood then (lib/domain/position-as-of.ts).
  const positions = await listSubjectPositions(actor, { measure: slug }, [measure.imposingParty.code, ...measure.targets.map((target) => target.code)], asOf ?? undefined);
  const now = asOf?.instant ?? new Date();
  const keep = (href: string) => keepAsOf(href, asOf);
  const date = (value: Date | null) => (value ? formatIsoDate(value.toISOString().slice(0, 10)) : "not recorded");

  return (
    <div className={UNDERLINED_LINKS}>
      <p className="text-sm text-muted">
        <Link href={keep("/measures")}>Trade measures</Link> / {humanize(measure.measureType)}
      </p>
      <h1 className="mt-1 font-serif text-3xl font-bold">{measure.title}</h1>

      <AsOfBanner asOf={asOf} timeZone={measure.timeZone} presentHref={subjectHref("MEASURE", measure.slug)} invalid={invalid} />

      <StatusPanel derivation={measure.status} skeleton={measure.skeleton} timeZone={measure.timeZone} conditions={<LiveConditions conditions={conditions} />}>
        <SubscribeLinks
          feed={keep(`/feeds/measures/${measure.slug}.atom`)}
          feedLabel="Follow this measure (Atom feed)"
          exportQuery={new URLSearchParams({ measure: measure.slug, ...asOfParams(asOf) }).toString()}
        />
      </StatusPanel>

      <div className="mt-6 grid gap-6 md:grid-cols-2">
        <section aria-labelledby="parties-heading">
          <h2 id="parties-heading" className="font-serif text-xl font-bold">
            Parties
          </h2>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="font-semibold">Imposed by</dt>
            <dd>
              <Link href={keep(`/parties/${measure.imposingParty.code}`)}>{measure.imposingParty.name}</Link>
            </dd>
            <dt className="font-semibold">Targeting</dt>
            <dd>
              {measure.targets.map((party, index) => (
                <span key={party.code}>
                  {index > 0 && ", "}
                  <Link href={keep(`/parties/${party.code}`)}>{party.name}</Link>{" "}
                  (<Link href={keep(`/relations/${canonicalPair(measure.imposingParty.code, party.code).join("-")}`)}>relations</Link>)
                </span>
              ))}
            </dd>
          </dl>
        </section>
        <section aria-labelledby="terms-heading">
          <h2 id="terms-heading" className="font-serif text-xl font-bold">
            The measure
          </h2>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="font-semibold">Type</dt>
            <dd>{humanize(measure.measureType)}</dd>
            <dt className="font-semibold">Announced</dt>
            <dd>{date(measure.announcedOn)}</dd>
            <dt className="font-semibold">Effective</dt>
            <dd>{date(measure.effectiveOn)}</dd>
            <dt className="font-semibold">Products</dt>
            <dd>{measure.products || "not recorded"}</dd>
            {measure.hsCodes.length > 0 && (
              <>
                <dt className="font-semibold">HS codes</dt>
                <dd>{measure.hsCodes.join(", ")}</dd>
              </>
            )}
          </dl>
        </section>
      </div>

      <SubjectTimelineSection id="measure-timeline" name={measure.title} subject={measure} now={now} breaches={conditionBreaches(conditions)} />

      <ConditionsSection conditions={conditions} showSubject asOf={asOf ?? undefined} />

      {positions && <PositionsSection {...positions} about={measure.title} />}

      <RelatedItems items={measure.related} subjectName="This measure" asOf={asOf} />

      <HistorySection
        entries={history.entries}
        nextCursor={history.nextCursor}
        path={subjectHref("MEASURE", measure.slug)}
        query={{ cursor }}
        derivation={measure.status}
        headlines={new Map(measure.skeleton.map((change) => [change.id, change.headline]))}
        intro={
          asOf
            ? "Newest first, by when each change takes effect: the developments that stood on the record at that instant, each as it stood, with the sources public by then."
            : "Newest first, by when each change takes effect. Every entry cites its sources; retracted entries stay, marked."
        }
        asOf={asOf}
      />
    </div>
  );
}
