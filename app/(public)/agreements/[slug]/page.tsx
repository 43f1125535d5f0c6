import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { cache } from "react";
import { RelatedItems } from "@/components/related-items";
import { StatusPanel } from "@/components/status-panel";
import { ConditionsSection } from "@/components/conditions-section";
import { LiveConditions } from "@/components/live-conditions";
import { PositionsSection } from "@/components/positions-section";
import { listSubjectPositions } from "@/lib/server/positions/list-positions";
import { conditionBreaches, listSubjectConditions } from "@/lib/server/conditions/list-subject-conditions";
import { SubjectTimelineSection } from "@/components/subject-timeline-section";
import { SubscribeLinks } from "@/components/subscribe-links";
import { formatInstant, formatIsoDate } from "@/lib/domain/dates";
import { getAgreement } from "@/lib/server/agreements/get-agreement";
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
  return orNotFound(getAgreement(await getCurrentActor(), slug, new Date(), query));
});

export async function generateMetadata({ params, searchParams }: TProps): Promise<Metadata> {
  const search = await searchParams;
  const agreement = await load((await params).slug, firstParam(search.asOf), firstParam(search.axis));
  const name = agreement.shortName ? `${agreement.shortName}: ${agreement.title}` : agreement.title;
  const description = agreement.summary.slice(0, 200) || `Status and sourced history of ${name}.`;
  return {
    title: name,
    description,
    openGraph: { title: name, description, type: "article" },
    alternates: { types: { "application/atom+xml": [{ url: `/feeds/agreements/${agreement.slug}.atom`, title: `${agreement.name}: developments` }] } },
  };
}

export default async function AgreementPage({ params, searchParams }: TProps) {
  const { slug } = await params;
  const search = await searchParams;
  const cursor = firstParam(search.cursor);
  const actor = await getCurrentActor();
  const { invalid } = readAsOf(search);
  // As of an instant, the history needs the instant resolved in the agreement's zone: read after the head.
  const agreement = await load(slug, firstParam(search.asOf), firstParam(search.axis));
  const asOf = agreement.asOf;
  const [history, allConditions, positions] = await Promise.all([
    orNotFound(listPublishedChanges(actor, { agreement: slug }, { cursor, asOf })),
    // As of an instant: the conditions and states that stood then (lib/domain/condition-as-of.ts).
    listSubjectConditions(actor, { agreement: slug }, asOf ?? undefined),
    // And the positions that stood then (lib/domain/position-as-of.ts).
    listSubjectPositions(actor, { agreement: slug }, agreement.parties.map((party) => party.code), asOf ?? undefined),
  ]);
  // This agreement's own conditions go on its panel and timeline; those of other subjects that
  // depend on it are listed below with theirs.
  const conditions = allConditions.filter((condition) => condition.development.subject.kind === "AGREEMENT" && condition.development.subject.slug === slug);
  const now = asOf?.instant ?? new Date();
  const keep = (href: string) => keepAsOf(href, asOf);
  const [firstParty, secondParty] = agreement.parties;
  const pair = agreement.parties.length === 2 && firstParty && secondParty ? canonicalPair(firstParty.code, secondParty.code).join("-") : null;

  return (
    <div className={UNDERLINED_LINKS}>
      <p className="text-sm text-muted">
        <Link href={keep("/agreements")}>Agreements</Link> / {agreement.name}
      </p>
      <h1 className="mt-1 font-serif text-3xl font-bold">
        {agreement.shortName && <span className="block">{agreement.shortName}</span>}
        <span className={agreement.shortName ? "block text-xl font-normal" : ""}>{agreement.title}</span>
      </h1>

      <AsOfBanner asOf={asOf} timeZone={agreement.timeZone} presentHref={subjectHref("AGREEMENT", agreement.slug)} invalid={invalid} />

      <StatusPanel
        derivation={agreement.status}
        skeleton={agreement.skeleton}
        timeZone={agreement.timeZone}
        conditions={<LiveConditions conditions={conditions} />}
        extraDeadline={
          agreement.noticeDeadline && (
            <>
              Notice of termination must be given by{" "}
              <strong>
                <time dateTime={agreement.noticeDeadline.lastDayToGiveNotice}>{formatIsoDate(agreement.noticeDeadline.lastDayToGiveNotice)}</time>
              </strong>
              , or the agreement renews when its term ends at {formatInstant(agreement.noticeDeadline.termEndsAt, agreement.timeZone)}.
            </>
          )
        }
      >
        <SubscribeLinks
          feed={keep(`/feeds/agreements/${agreement.slug}.atom`)}
          feedLabel="Follow this agreement (Atom feed)"
          exportQuery={new URLSearchParams({ agreement: agreement.slug, ...asOfParams(asOf) }).toString()}
        />
      </StatusPanel>

      <div className="mt-6 grid gap-6 md:grid-cols-2">
        <section aria-labelledby="parties-heading">
          <h2 id="parties-heading" className="font-serif text-xl font-bold">
            Parties
          </h2>
          <ul className="mt-2 list-disc pl-6">
            {agreement.parties.map((party) => (
              <li key={party.code}>
                <Link href={keep(`/parties/${party.code}`)}>{party.name}</Link> <span className="text-muted">({party.code})</span>
              </li>
            ))}
          </ul>
          {pair && (
            <p className="mt-2 text-sm">
              <Link href={keep(`/relations/${pair}`)}>Everything between {agreement.parties.map((party) => party.name).join(" and ")}</Link>
            </p>
          )}
        </section>
        <section aria-labelledby="terms-heading">
          <h2 id="terms-heading" className="font-serif text-xl font-bold">
            Terms
          </h2>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="font-semibold">Kind</dt>
            <dd className="capitalize">{agreement.kind.toLowerCase()}</dd>
            <dt className="font-semibold">Signed</dt>
            <dd>{agreement.signedOn ? formatIsoDate(agreement.signedOn.toISOString().slice(0, 10)) : "not recorded"}</dd>
            <dt className="font-semibold">In force</dt>
            <dd>{agreement.inForceOn ? formatIsoDate(agreement.inForceOn.toISOString().slice(0, 10)) : "not recorded"}</dd>
            <dt className="font-semibold">Term</dt>
            <dd>
              {agreement.termMonths ? `${agreement.termMonths} months` : "open-ended"}
              {agreement.autoRenews && ", renews automatically"}
              {agreement.noticeDays !== null && `, ${agreement.noticeDays} days' notice to terminate`}
            </dd>
            <dt className="font-semibold">Time zone</dt>
            <dd>{agreement.timeZone}</dd>
          </dl>
        </section>
      </div>

      <SubjectTimelineSection id="agreement-timeline" name={agreement.name} subject={agreement} now={now} breaches={conditionBreaches(allConditions)} />

      <ConditionsSection conditions={allConditions} showSubject={allConditions.length > conditions.length} asOf={asOf ?? undefined} />

      {positions && <PositionsSection {...positions} about={agreement.name} />}

      <RelatedItems items={agreement.related} subjectName={agreement.name} asOf={asOf} />

      <HistorySection
        entries={history.entries}
        nextCursor={history.nextCursor}
        path={subjectHref("AGREEMENT", agreement.slug)}
        query={{ cursor }}
        derivation={agreement.status}
        headlines={new Map(agreement.skeleton.map((change) => [change.id, change.headline]))}
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
