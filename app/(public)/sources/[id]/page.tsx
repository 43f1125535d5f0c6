import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { humanize } from "@/components/filter-form";
import { StatusBadge } from "@/components/status-badge";
import { CREDIBILITY_GRADES, isCredibility, RELIABILITY_GRADES } from "@/lib/domain/admiralty-grades";
import { formatInstant, formatOccurred, toLocalIsoDate } from "@/lib/domain/dates";
import type { Status } from "@/lib/generated/prisma/enums";
import { getSource } from "@/lib/server/sources/get-source";
import { getCurrentActor } from "@/lib/server/session";
import { orNotFound } from "../../_shared/load";
import { UNDERLINED_LINKS } from "@/components/underlined-links";
import { AsOfBanner } from "@/components/as-of-banner";
import { keepAsOf } from "@/lib/domain/as-of-link";
import { firstParam } from "../../_shared/load";
import { readPageAsOf } from "../../_shared/as-of-param";

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Keyed by the strings, so the metadata and the page share one read.
const load = cache(async (id: string, asOfText?: string, axis?: string) => {
  await connection();
  // A source has no zone of its own: dates and wall times of asOf are read in UTC (decision 036).
  const { asOf } = readPageAsOf({ asOf: asOfText, axis });
  const result = await orNotFound(getSource(await getCurrentActor(), id, asOf));
  // A merged duplicate keeps its address and sends readers to the source it was merged into.
  // Temporary (307), not permanent: an admin can undo a merge, and browsers cache 308s.
  if ("mergedInto" in result) redirect(keepAsOf(`/sources/${result.mergedInto}`, asOf));
  return result;
});

export async function generateMetadata({ params, searchParams }: TProps): Promise<Metadata> {
  const search = await searchParams;
  const { source } = await load((await params).id, firstParam(search.asOf), firstParam(search.axis));
  const description = `${source.publisher}: “${source.title}”, reliability ${source.reliability}, and the developments that cite it.`;
  return { title: `${source.title} (${source.publisher})`, description, openGraph: { title: source.title, description } };
}

export default async function SourcePage({ params, searchParams }: TProps) {
  const search = await searchParams;
  const { invalid } = readPageAsOf(search);
  const { source, citedBy, citedByTotal, notYet, asOf } = await load((await params).id, firstParam(search.asOf), firstParam(search.axis));
  const keep = (href: string) => keepAsOf(href, asOf);
  const grade = RELIABILITY_GRADES[source.reliability];
  const then = asOf ? formatInstant(asOf.instant, "UTC") : "";
  return (
    <div className={UNDERLINED_LINKS}>
      <p className="text-sm text-muted">
        <Link href={keep("/sources")}>Sources</Link> / {source.publisher}
      </p>
      <h1 className="mt-1 font-serif text-3xl font-bold">{source.title}</h1>
      <AsOfBanner asOf={asOf} timeZone="UTC" presentHref={`/sources/${source.id}`} invalid={invalid} />
      {notYet && (
        // Said plainly rather than a 404: the source is real, the record then did not use it yet (decision 040).
        <p role="status" className="mt-3 rounded border border-rule bg-white p-3">
          {notYet === "unpublished"
            ? `This source was not yet published on ${then}: nothing could cite it then.`
            : `This source was not yet cited on ${then}: no development in the record ${asOf?.axis === "recorded" ? "as Pactwatch recorded it then" : "as known then"} cited it.`}
        </p>
      )}
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-semibold">Publisher</dt>
        <dd>{source.publisher}</dd>
        {source.authors.length > 0 && (
          <>
            <dt className="font-semibold">By</dt>
            <dd>{source.authors.join(", ")}</dd>
          </>
        )}
        <dt className="font-semibold">Published</dt>
        <dd>{source.publishedAt ? <time dateTime={source.publishedAt.toISOString()}>{formatInstant(source.publishedAt, "UTC")}</time> : "not recorded"}</dd>
        <dt className="font-semibold">Kind</dt>
        <dd>{humanize(source.kind)}</dd>
        <dt className="font-semibold">Language</dt>
        <dd>{source.language}</dd>
        <dt className="font-semibold">Address</dt>
        <dd className="break-all">
          <a href={source.url} rel="nofollow noopener noreferrer">
            {source.url}
          </a>
          {source.archiveUrl && (
            <>
              {" · "}
              <a href={source.archiveUrl} rel="nofollow noopener noreferrer">
                archived copy
              </a>
            </>
          )}
        </dd>
        <dt className="font-semibold">Reliability</dt>
        <dd>
          <strong>{source.reliability}</strong>: {grade.label}. <span className="text-muted">{grade.meaning}</span>
          {source.reliabilityNote && <span className="block">{source.reliabilityNote}</span>}
          <Link href="/methodology#grades" className="block">
            How sources are graded
          </Link>
        </dd>
        {source.retiredAt && (
          <>
            <dt className="font-semibold">Retired</dt>
            <dd>
              {formatOccurred(source.retiredAt, "DAY", "UTC")}
              {source.retiredReason && <>: {source.retiredReason}</>}
            </dd>
          </>
        )}
        {source.mergedFrom.length > 0 && (
          <>
            <dt className="font-semibold">Duplicates merged in</dt>
            <dd>
              {source.mergedFrom.map((merged) => (
                <span key={merged.id} className="block break-all">
                  {merged.url}
                </span>
              ))}
            </dd>
          </>
        )}
      </dl>

      <section aria-labelledby="cited-heading" className="mt-8">
        <h2 id="cited-heading" className="font-serif text-2xl font-bold">
          {asOf ? "What cited it then" : "What cites it"} ({citedByTotal})
        </h2>
        {citedBy.length === 0 ? (
          <p className="mt-2 text-sm">{asOf ? "No development cited this source then." : "No published development cites this source."}</p>
        ) : (
          <ul className="mt-2 divide-y divide-rule">
            {citedBy.map((entry) => (
              <li key={entry.id} className="py-3 text-sm">
                <p className="flex flex-wrap items-center gap-2 text-muted">
                  <time dateTime={toLocalIsoDate(entry.occurredAt, entry.timeZone)}>{formatOccurred(entry.occurredAt, entry.occurredPrecision, entry.timeZone)}</time>
                  <StatusBadge status={entry.status as Status} />
                  <Link href={keep(entry.href)}>{entry.subjectName}</Link>
                  {entry.state === "RETRACTED" && <span className="font-semibold">retracted</span>}
                </p>
                <p className="font-semibold">
                  <Link href={keep(`/developments/${entry.id}`)}>{entry.headline}</Link>
                </p>
                <p className="text-muted">
                  Information credibility {entry.credibility}
                  {isCredibility(entry.credibility) && <> ({CREDIBILITY_GRADES[entry.credibility].label.toLowerCase()})</>}
                  {entry.locator && <> · {entry.locator}</>}
                </p>
                {entry.quote && <blockquote className="mt-1 border-l-2 border-rule pl-2 font-serif">“{entry.quote}”</blockquote>}
              </li>
            ))}
          </ul>
        )}
        {citedByTotal > citedBy.length && <p className="mt-2 text-sm text-muted">Showing the {citedBy.length} most recent of {citedByTotal}.</p>}
      </section>
    </div>
  );
}
