import { HistoryEntry, historyMarkFor } from "@/components/history-entry";
import { PaginationNav } from "@/components/pagination-nav";
import type { StatusDerivation } from "@/lib/domain/status-derivation";
import type { TReaderEntry } from "@/lib/server/history-sql";
import { asOfParams, type TAsOfParams } from "@/lib/domain/as-of-link";

type TProps = {
  entries: TReaderEntry[];
  nextCursor: string | null;
  path: string;
  query: Record<string, string | string[] | undefined>;
  /** The subject's derived status, for the current / pending / cancelled marks of a single subject's history. */
  derivation?: StatusDerivation;
  headlines?: Map<string, string>;
  showSubject?: boolean;
  intro: string;
  /** The asOf the page is read at: entries and page links keep it (decision 029). */
  asOf?: TAsOfParams;
};

/** A paged history, newest first: entries with their citations and marks, and the keyset page links. */
export function HistorySection({ entries, nextCursor, path, query, derivation, headlines, showSubject, intro, asOf }: TProps) {
  return (
    <section aria-labelledby="history-heading" className="mt-8">
      <h2 id="history-heading" className="font-serif text-2xl font-bold">
        History
      </h2>
      <p className="text-sm text-muted">{intro}</p>
      {query.cursor && <p className="mt-2 text-sm font-semibold">Showing older developments.</p>}
      {entries.length === 0 ? (
        <p className="mt-4">{asOf ? "No developments stood on the record at that instant." : "No developments have been published yet."}</p>
      ) : (
        entries.map((entry) => (
          <HistoryEntry
            key={entry.id}
            entry={entry}
            mark={historyMarkFor(entry, derivation, headlines)}
            subject={showSubject ? { name: entry.subject.name, href: entry.subject.href } : undefined}
            linkTo={derivation && !query.cursor ? "anchor" : "page"}
            asOf={asOf}
          />
        ))
      )}
      <PaginationNav path={path} query={{ ...query, ...asOfParams(asOf) }} nextCursor={nextCursor} label="History pages" anchor="#history-heading" />
    </section>
  );
}
