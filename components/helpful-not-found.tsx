import Link from "next/link";
import { UNDERLINED_LINKS } from "./underlined-links";

/** A not-found page that helps: what was looked for, a search box and the lists to browse. */
export function HelpfulNotFound({ what, list }: { what: string; list: { href: string; label: string } }) {
  return (
    <section aria-labelledby="not-found-heading" className={`${UNDERLINED_LINKS} max-w-prose`}>
      <h1 id="not-found-heading" className="font-serif text-3xl font-bold">
        No such {what}
      </h1>
      <p className="mt-3">Nothing is recorded at this address. It may have been renamed, merged into another record, or the link may be mistyped.</p>
      <form method="get" action="/search" role="search" aria-label="Search Pactwatch" className="mt-4 flex flex-wrap gap-2">
        <label htmlFor="not-found-search" className="sr-only">
          Search Pactwatch
        </label>
        <input id="not-found-search" type="search" name="q" placeholder="Search agreements, measures, sources…" className="min-w-0 flex-1 rounded border border-rule px-3 py-2" />
        <button type="submit" className="rounded bg-accent px-4 py-2 font-semibold text-white">
          Search
        </button>
      </form>
      <p className="mt-4">
        Or browse <Link href={list.href}>{list.label}</Link>, or read the <Link href="/">latest developments</Link>.
      </p>
    </section>
  );
}
