import Link from "next/link";
import type { THistoryEntry } from "@/lib/server/history-select";
import { formatOccurred, toLocalIsoDate } from "@/lib/domain/dates";
import { keepAsOf, type TAsOfParams } from "@/lib/domain/as-of-link";
import { CREDIBILITY_GRADES, RELIABILITY_GRADES, formatAdmiraltyGrade, isCredibility } from "@/lib/domain/admiralty-grades";

type TCitation = THistoryEntry["citations"][number];

/** The sources cited for a development: publisher, title (linked), date, grades, locator and quote. */
export function CitationList({ citations, asOf }: { citations: TCitation[]; asOf?: TAsOfParams }) {
  if (citations.length === 0) return <p className="text-sm text-muted">No citations.</p>;
  return (
    <ol className="space-y-3" aria-label="Sources cited">
      {citations.map((citation) => (
        <li key={citation.id} className="border-l-4 border-rule pl-3 text-sm">
          <p>
            <span className="font-semibold">{citation.source.publisher}</span>
            {", "}
            <a href={citation.source.url} rel="nofollow noopener noreferrer" className="italic">
              {citation.source.title}
            </a>
            {citation.source.publishedAt && (
              <>
                {", "}
                <time dateTime={toLocalIsoDate(citation.source.publishedAt, "UTC")}>{formatOccurred(citation.source.publishedAt, "DAY", "UTC")}</time>
              </>
            )}
          </p>
          {citation.source.retiredAt && (
            // The reason the retire form asks for is promised to readers here, beside the citation.
            <p className="mt-1">
              <span className="rounded bg-gray-200 px-1 font-semibold">Retired source</span>
              {citation.source.retiredReason ? <>: {citation.source.retiredReason}</> : null}
            </p>
          )}
          <p className="text-muted">
            <abbr title="Admiralty grade: source reliability (A–F), then information credibility (1–6)" className="font-semibold no-underline">
              {isCredibility(citation.credibility) ? formatAdmiraltyGrade(citation.source.reliability, citation.credibility) : citation.source.reliability}
            </abbr>
            {": "}source {RELIABILITY_GRADES[citation.source.reliability].label.toLowerCase()}, information{" "}
            {isCredibility(citation.credibility) ? CREDIBILITY_GRADES[citation.credibility].label.toLowerCase() : "ungraded"}
            {citation.locator && <> · {citation.locator}</>}
            {" · "}
            <Link href={keepAsOf(`/sources/${citation.source.id}`, asOf)}>about this source</Link>
            {citation.source.archiveUrl && (
              <>
                {" · "}
                <a href={citation.source.archiveUrl} rel="nofollow noopener noreferrer">
                  archived copy
                </a>
              </>
            )}
          </p>
          {citation.erratum && (
            // What the source itself got wrong (issue 12), said in words, not by colour alone.
            <p className="mt-1 rounded bg-amber-50 p-1 text-amber-950">
              <span className="font-semibold">The source erred:</span> {citation.erratum}
              {citation.erratumAt && <> (noted {formatOccurred(citation.erratumAt, "DAY", "UTC")})</>}
            </p>
          )}
          {citation.quote && (
            <blockquote className="mt-1 border-l-2 border-rule pl-2 font-serif">
              “{citation.quote}”
              {citation.quoteOriginal && (
                <span lang={citation.quoteLanguage ?? undefined} className="block text-muted">
                  {citation.quoteOriginal}
                </span>
              )}
            </blockquote>
          )}
        </li>
      ))}
    </ol>
  );
}
