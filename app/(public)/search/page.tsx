import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { CurrentStatus } from "@/components/current-status";
import { DevelopmentSummary } from "@/components/development-summary";
import { searchEverything } from "@/lib/server/search/search-everything";
import { getCurrentActor } from "@/lib/server/session";
import { parseQueryLeniently, ZSearchQuery } from "@/lib/schemas/reader-queries";
import { UNDERLINED_LINKS } from "@/components/underlined-links";
import { subjectHref } from "@/lib/domain/subject-ref";
import { AsOfBanner, AsOfHiddenFields } from "@/components/as-of-banner";
import { keepAsOf } from "@/lib/domain/as-of-link";
import { listAsOf } from "../_shared/as-of-param";

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: TProps): Promise<Metadata> {
  const { q } = parseQueryLeniently(ZSearchQuery, await searchParams).query;
  return {
    title: q ? `Search: ${q}` : "Search",
    description: "Search Pactwatch's agreements, trade measures, developments, sources and parties at once.",
  };
}

export default async function SearchPage({ searchParams }: TProps) {
  await connection();
  const { query, errors } = parseQueryLeniently(ZSearchQuery, await searchParams);
  const q = query.q ?? "";
  const asOf = listAsOf(query);
  const results = q ? await searchEverything(await getCurrentActor(), q, new Date(), asOf) : null;
  const encoded = encodeURIComponent(q);
  const keep = (href: string) => keepAsOf(href, asOf);
  const isEmpty =
    results &&
    results.agreements.items.length + results.measures.items.length + results.developments.entries.length + results.sources.items.length + results.parties.items.length === 0;

  return (
    <div className={UNDERLINED_LINKS}>
      <h1 className="font-serif text-3xl font-bold">Search</h1>
      <AsOfBanner asOf={asOf} timeZone="UTC" presentHref={q ? `/search?q=${encoded}` : "/search"} invalid={Boolean(errors.asOf || errors.axis)} hidden={new URLSearchParams(q ? { q } : {})} />
      <form method="get" action="/search" role="search" aria-label="Search everything" className="mt-4 flex flex-wrap gap-2">
        <label htmlFor="search-everything" className="sr-only">
          Search agreements, measures, developments, sources and parties
        </label>
        <input id="search-everything" type="search" name="q" defaultValue={q} placeholder="e.g. gsomia, intelligence pact, export controls" className="min-w-0 flex-1 rounded border border-rule px-3 py-2" />
        <button type="submit" className="rounded bg-accent px-4 py-2 font-semibold text-white">
          Search
        </button>
        {asOf && <AsOfHiddenFields asOf={asOf} />}
      </form>
      <p className="mt-2 text-sm text-muted">Whole words in any form match (“controls” finds “control”); put a phrase in quotes, or use - to leave a word out.</p>
      {errors.q && (
        <p role="alert" className="mt-4 font-semibold">
          {errors.q}
        </p>
      )}
      {isEmpty && <p className="mt-6">Nothing matches “{q}”. Try fewer or other words.</p>}
      {results && !isEmpty && (
        <div className="mt-6 grid gap-8 md:grid-cols-2">
          <ResultSection id="agreements" title="Agreements" total={results.agreements.total} seeAll={keep(`/agreements?q=${encoded}`)} isOpenEnded={results.agreements.isTotalAtLeast}>
            {results.agreements.items.map((agreement) => (
              <li key={agreement.slug} className="py-2">
                <Link href={keep(subjectHref("AGREEMENT", agreement.slug))} className="font-semibold">
                  {agreement.name}
                </Link>
                {agreement.shortName && <span className="block text-sm text-muted">{agreement.title}</span>}
                <CurrentStatus current={agreement.current} />
              </li>
            ))}
          </ResultSection>
          <ResultSection id="measures" title="Trade measures" total={results.measures.total} seeAll={keep(`/measures?q=${encoded}`)} isOpenEnded={results.measures.isTotalAtLeast}>
            {results.measures.items.map((measure) => (
              <li key={measure.slug} className="py-2">
                <Link href={keep(subjectHref("MEASURE", measure.slug))} className="font-semibold">
                  {measure.title}
                </Link>
                <CurrentStatus current={measure.current} />
              </li>
            ))}
          </ResultSection>
          <ResultSection id="developments" title="Developments" total={results.developments.entries.length} seeAll={keep(`/developments?q=${encoded}`)} isOpenEnded={results.developments.nextCursor !== null}>
            {results.developments.entries.map((development) => (
              <DevelopmentSummary key={development.id} development={development} asOf={asOf} />
            ))}
          </ResultSection>
          <div className="space-y-8">
            <ResultSection id="sources" title="Sources" total={results.sources.items.length} seeAll={keep(`/sources?q=${encoded}`)} isOpenEnded={results.sources.nextCursor !== null}>
              {results.sources.items.map((source) => (
                <li key={source.id} className="py-2 text-sm">
                  <span className="font-semibold">{source.publisher}</span>,{" "}
                  <Link href={keep(`/sources/${source.id}`)} className="italic">
                    {source.title}
                  </Link>
                </li>
              ))}
            </ResultSection>
            <ResultSection id="parties" title="Parties" total={results.parties.total} seeAll={keep(`/parties?scope=all&q=${encoded}`)}>
              {results.parties.items.map((party) => (
                <li key={party.code} className="py-2 text-sm">
                  <Link href={keep(`/parties/${party.code}`)} className="font-semibold">
                    {party.name}
                  </Link>{" "}
                  ({party.code})
                </li>
              ))}
            </ResultSection>
          </div>
        </div>
      )}
    </div>
  );
}

function ResultSection({ id, title, total, seeAll, isOpenEnded, children }: { id: string; title: string; total: number; seeAll: string; isOpenEnded?: boolean; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="font-serif text-xl font-bold">
        {title} <span className="text-base font-normal text-muted">({isOpenEnded ? `${total}+` : total})</span>
      </h2>
      {total === 0 ? <p className="mt-1 text-sm text-muted">No matches.</p> : <ul className="divide-y divide-rule">{children}</ul>}
      {total > 0 && (
        <p className="mt-1 text-sm">
          <Link href={seeAll}>See all {title.toLowerCase()} that match →</Link>
        </p>
      )}
    </section>
  );
}
