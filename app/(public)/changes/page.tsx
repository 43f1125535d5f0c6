import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { CorrectionItem } from "@/components/correction-item";
import { PaginationNav } from "@/components/pagination-nav";
import { StatusBadge } from "@/components/status-badge";
import { UNDERLINED_LINKS } from "@/components/underlined-links";
import { wallTimeValue } from "@/lib/domain/as-of";
import { formatInstant } from "@/lib/domain/dates";
import { ZChangesSinceQuery } from "@/lib/schemas/as-of";
import { paramsToObject } from "@/lib/schemas/reader-queries";
import { asOfFromQuery } from "@/lib/server/as-of-sql";
import { listChangesSince, type TRecordChange } from "@/lib/server/changes/list-changes-since";
import { getCurrentActor } from "@/lib/server/session";
import { orNotFound } from "../_shared/load";

export const metadata: Metadata = {
  title: "What changed since",
  description: "Everything Pactwatch added, corrected or retracted in its record since an instant you choose, newest first.",
};

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function ChangeItem({ change }: { change: TRecordChange }) {
  if (change.kind !== "ADDED") return <CorrectionItem correction={change.correction} />;
  const { entry } = change;
  return (
    <li className="border-b border-rule py-4">
      <h2 className="font-semibold">
        Added · <Link href={`/developments/${entry.id}`}>{entry.headline}</Link>
      </h2>
      <p className="flex flex-wrap items-center gap-2 text-sm text-muted">
        <Link href={entry.subject.href}>{entry.subject.name}</Link> · published <time dateTime={change.at.toISOString()}>{formatInstant(change.at, "UTC")}</time> ·
        <StatusBadge status={entry.status} />
        {entry.state === "RETRACTED" && <span className="font-semibold text-status-ended">since retracted</span>}
      </p>
    </li>
  );
}

/**
 * What changed in the record since an instant (issue 12, decision 036): added, corrected and
 * retracted developments, newest first. The instant is chosen with a plain GET form; the asOf
 * banner links here with the instant it reads at.
 */
export default async function ChangesPage({ searchParams }: TProps) {
  await connection();
  const search = paramsToObject(await searchParams);
  const parsed = ZChangesSinceQuery.safeParse(search);
  const since = parsed.success && parsed.data.since ? asOfFromQuery({ asOf: parsed.data.since }, "UTC") : undefined;
  const page = since && parsed.success ? await orNotFound(listChangesSince(await getCurrentActor(), { since: since.instant, cursor: parsed.data.cursor, limit: parsed.data.limit })) : null;
  const given = search.since !== undefined;

  return (
    <section aria-labelledby="changes-heading" className={UNDERLINED_LINKS}>
      <h1 id="changes-heading" className="mb-2 font-serif text-3xl font-bold">
        What changed since
      </h1>
      <p className="mb-2 max-w-prose">
        Every development Pactwatch added to its record after the instant you choose, and every correction, source erratum and retraction recorded since, newest
        first. Clarifications of wording are kept on each development&apos;s revision history.
      </p>
      <form method="get" action="/changes" className="mb-4 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col">
          <span>Since (date and time, UTC)</span>
          <input type="datetime-local" name="since" required defaultValue={since ? wallTimeValue(since.instant, "UTC") : undefined} className="rounded border border-rule px-2 py-1" />
        </label>
        <button type="submit" className="rounded border border-ink px-3 py-1 font-semibold">
          Show what changed
        </button>
      </form>
      {given && !since && (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-900">
          That date could not be read: give a date, or a date and time.
        </p>
      )}
      {since && page && (
        <>
          <p role="status" className="mb-2 font-semibold">
            Since <time dateTime={since.instant.toISOString()}>{formatInstant(since.instant, "UTC")}</time>
            {page.items.length === 0 ? ": nothing changed." : ":"}{" "}
            <Link href={`/?asOf=${encodeURIComponent(since.instant.toISOString())}&axis=recorded`}>See the record as it stood then</Link>
          </p>
          {page.items.length > 0 && (
            <ol>
              {page.items.map((change) => (
                <ChangeItem key={`${change.kind}-${change.id}`} change={change} />
              ))}
            </ol>
          )}
          <PaginationNav path="/changes" query={{ since: since.instant.toISOString(), cursor: parsed.success ? parsed.data.cursor : undefined }} nextCursor={page.nextCursor} label="Pages of changes" />
        </>
      )}
    </section>
  );
}
