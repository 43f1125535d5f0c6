import type { Metadata } from "next";
import Link from "next/link";
import { permanentRedirect } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { CurrentStatus } from "@/components/current-status";
import { DevelopmentSummary } from "@/components/development-summary";
import { humanize } from "@/components/filter-form";
import { SubscribeLinks } from "@/components/subscribe-links";
import { getParty } from "@/lib/server/parties/get-party";
import { getCurrentActor } from "@/lib/server/session";
import { listPublishedChanges } from "@/lib/server/status-changes/list-published-changes";
import { UNDERLINED_LINKS } from "@/components/underlined-links";
import { subjectHref } from "@/lib/domain/subject-ref";
import { AsOfBanner } from "@/components/as-of-banner";
import { asOfParams, keepAsOf } from "@/lib/domain/as-of-link";
import { firstParam, orNotFound } from "../../_shared/load";
import { readPageAsOf } from "../../_shared/as-of-param";

type TProps = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Keyed by the strings, so the metadata and the page share one read.
const load = cache(async (code: string, asOfText?: string, axis?: string) => {
  await connection();
  const { asOf } = readPageAsOf({ asOf: asOfText, axis });
  return orNotFound(getParty(await getCurrentActor(), code, new Date(), asOf));
});

export async function generateMetadata({ params, searchParams }: TProps): Promise<Metadata> {
  const search = await searchParams;
  const party = await load((await params).code.toUpperCase(), firstParam(search.asOf), firstParam(search.axis));
  const description = `${party.name}'s tracked agreements, the trade measures it imposes or is targeted by, and its relations with other parties.`;
  return {
    title: party.name,
    description,
    openGraph: { title: party.name, description },
    alternates: { types: { "application/atom+xml": [{ url: `/feeds/parties/${party.code}.atom`, title: `${party.name}: developments` }] } },
  };
}

export default async function PartyPage({ params, searchParams }: TProps) {
  const { code } = await params;
  const search = await searchParams;
  const { asOf, invalid } = readPageAsOf(search);
  if (code !== code.toUpperCase()) permanentRedirect(keepAsOf(`/parties/${encodeURIComponent(code.toUpperCase())}`, asOf));
  const actor = await getCurrentActor();
  const [party, latest] = await Promise.all([
    load(code, firstParam(search.asOf), firstParam(search.axis)),
    orNotFound(listPublishedChanges(actor, { party: code, state: "published" }, { limit: 10, asOf })),
  ]);
  const keep = (href: string) => keepAsOf(href, asOf);
  const imposed = party.measures.filter((measure) => measure.isImposing);
  const targeted = party.measures.filter((measure) => !measure.isImposing);

  return (
    <div className={UNDERLINED_LINKS}>
      <p className="text-sm text-muted">
        <Link href={keep("/parties")}>Parties</Link> / {party.code}
      </p>
      <h1 className="mt-1 font-serif text-3xl font-bold">{party.name}</h1>
      <p className="text-sm text-muted">
        {party.kind === "STATE" ? "State" : "Organisation"} · code {party.code}
        {party.aliases.length > 0 && <> · also known as {party.aliases.join(", ")}</>}
      </p>
      <AsOfBanner asOf={asOf} timeZone="UTC" presentHref={`/parties/${party.code}`} invalid={invalid} />
      <div className="mt-3">
        <SubscribeLinks
          feed={keep(`/feeds/parties/${party.code}.atom`)}
          feedLabel={`Follow ${party.name} (Atom feed)`}
          exportQuery={new URLSearchParams({ party: party.code, ...asOfParams(asOf) }).toString()}
        />
      </div>

      <section aria-labelledby="agreements-heading" className="mt-8">
        <h2 id="agreements-heading" className="font-serif text-2xl font-bold">
          Agreements ({party.totals.agreements})
        </h2>
        {party.agreements.length === 0 ? (
          <p className="mt-2 text-sm">No tracked agreement involves {party.name}.</p>
        ) : (
          <ul className="mt-2 divide-y divide-rule">
            {party.agreements.map((agreement) => (
              <li key={agreement.slug} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
                <span>
                  <Link href={keep(subjectHref("AGREEMENT", agreement.slug))} className="font-semibold">
                    {agreement.name}
                  </Link>{" "}
                  <span className="text-sm text-muted">
                    {humanize(agreement.kind)} · with {agreement.others.map((other) => other.name).join(", ") || "no other party recorded"}
                  </span>
                </span>
                <CurrentStatus current={agreement.current} />
              </li>
            ))}
          </ul>
        )}
        {party.totals.agreements > party.agreements.length && (
          <p className="mt-2 text-sm">
            The {party.agreements.length} most recently changed are shown. <Link href={keep(`/agreements?party=${party.code}`)}>All {party.totals.agreements} agreements of {party.name} →</Link>
          </p>
        )}
      </section>

      {[
        { id: "imposed", title: `Trade measures ${party.name} imposes`, items: imposed, total: party.totals.imposed, all: keep(`/measures?imposing=${party.code}`) },
        { id: "targeted", title: `Trade measures targeting ${party.name}`, items: targeted, total: party.totals.targeted, all: keep(`/measures?target=${party.code}`) },
      ].map((group) => (
        <section key={group.id} aria-labelledby={`${group.id}-heading`} className="mt-8">
          <h2 id={`${group.id}-heading`} className="font-serif text-2xl font-bold">
            {group.title} ({group.total})
          </h2>
          {group.items.length === 0 ? (
            <p className="mt-2 text-sm">None tracked.</p>
          ) : (
            <ul className="mt-2 divide-y divide-rule">
              {group.items.map((measure) => (
                <li key={measure.slug} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
                  <span>
                    <Link href={keep(subjectHref("MEASURE", measure.slug))} className="font-semibold">
                      {measure.title}
                    </Link>{" "}
                    <span className="text-sm text-muted">
                      {humanize(measure.measureType)} · {measure.imposingParty.name} → {measure.targets.map((target) => target.name).join(", ")}
                    </span>
                  </span>
                  <CurrentStatus current={measure.current} />
                </li>
              ))}
            </ul>
          )}
          {group.total > group.items.length && (
            <p className="mt-2 text-sm">
              The {group.items.length} most recently changed are shown. <Link href={group.all}>All {group.total} →</Link>
            </p>
          )}
        </section>
      ))}

      <section aria-labelledby="relations-heading" className="mt-8">
        <h2 id="relations-heading" className="font-serif text-2xl font-bold">
          Relations
        </h2>
        {party.counterparts.length === 0 ? (
          <p className="mt-2 text-sm">No relations with other parties are tracked.</p>
        ) : (
          <ul className="mt-2 grid gap-2 sm:grid-cols-2">
            {party.counterparts.map((other) => (
              <li key={other.code}>
                <Link href={keep(`/relations/${[party.code, other.code].sort().join("-")}`)} className="font-semibold">
                  {party.name} and {other.name}
                </Link>
                <span className="block text-sm text-muted">
                  {other.agreements} shared {other.agreements === 1 ? "agreement" : "agreements"}, {other.measuresImposed} measures imposed, {other.measuresReceived} received
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="latest-heading" className="mt-8">
        <h2 id="latest-heading" className="font-serif text-2xl font-bold">
          Latest developments
        </h2>
        {latest.entries.length === 0 ? (
          <p className="mt-2 text-sm">None published yet.</p>
        ) : (
          <ol className="divide-y divide-rule">
            {latest.entries.map((development) => (
              <DevelopmentSummary key={development.id} development={development} asOf={asOf} />
            ))}
          </ol>
        )}
        <p className="mt-2 text-sm">
          <Link href={keep(`/developments?party=${party.code}`)}>All of {party.name}&apos;s developments →</Link>
        </p>
      </section>
    </div>
  );
}
