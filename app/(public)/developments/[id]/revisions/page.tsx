import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { cache } from "react";
import { VersionDiff } from "@/components/version-diff";
import { UNDERLINED_LINKS } from "@/components/underlined-links";
import { CORRECTION_TYPE_LABELS, REVISION_KIND_LABELS } from "@/lib/domain/corrections";
import { formatInstant } from "@/lib/domain/dates";
import { listPublicRevisions, MAX_PUBLIC_REVISIONS } from "@/lib/server/revisions/list-public-revisions";
import { getCurrentActor } from "@/lib/server/session";
import { AsOfBanner } from "@/components/as-of-banner";
import { keepAsOf } from "@/lib/domain/as-of-link";
import { readAsOf } from "../../../_shared/as-of-param";
import { firstParam, orNotFound } from "../../../_shared/load";

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// asOf and axis as the development's page reads them; an unreadable one shows the present with a note.
const load = cache(async (id: string, asOf?: string, axis?: string) => {
  await connection();
  const { query, invalid } = readAsOf({ asOf, axis });
  const revisions = await orNotFound(listPublicRevisions(await getCurrentActor(), id, query));
  return { ...revisions, invalid };
});

async function loadFor({ params, searchParams }: TProps) {
  const search = await searchParams;
  return load((await params).id, firstParam(search.asOf), firstParam(search.axis));
}

export async function generateMetadata(props: TProps): Promise<Metadata> {
  const { entry } = await loadFor(props);
  return { title: `Revisions: ${entry.headline} (${entry.subject.name})`, description: `Every published version of “${entry.headline}”, with what changed and why.` };
}

/** A development's public revision history (issue 12): each version, who saved it, when, why, and what changed. */
export default async function DevelopmentRevisionsPage(props: TProps) {
  const { entry, versions, isTruncated, asOf, invalid } = await loadFor(props);
  const keep = (href: string) => keepAsOf(href, asOf);
  return (
    <div className={UNDERLINED_LINKS}>
      <p className="text-sm text-muted">
        <Link href={keep("/developments")}>Developments</Link> / <Link href={keep(entry.subject.href)}>{entry.subject.name}</Link> /{" "}
        <Link href={keep(`/developments/${entry.id}`)}>{entry.headline}</Link>
      </p>
      <h1 className="mt-1 font-serif text-3xl font-bold">Revision history</h1>
      <AsOfBanner asOf={asOf} timeZone={entry.timeZone} presentHref={`/developments/${entry.id}/revisions`} invalid={invalid} />
      <p className="mt-1 max-w-prose">
        Every version of “<Link href={keep(`/developments/${entry.id}`)}>{entry.headline}</Link>” since it was published, oldest first: who saved it, when, why, and what
        changed{asOf ? ", as far as they had been saved then" : ""}. Corrections and retractions are also listed in <Link href={keep("/corrections")}>the corrections log</Link>.
      </p>
      {isTruncated && <p className="mt-2 text-sm">Only the latest {MAX_PUBLIC_REVISIONS} versions are shown.</p>}
      <ol className="mt-6 space-y-6">
        {versions.map((version) => (
          <li key={version.id} id={`version-${version.version}`} className="border-b border-rule pb-4">
            <h2 className="font-semibold">
              Version {version.version}
              {version.kind ? `: ${REVISION_KIND_LABELS[version.kind]}` : version.before ? "" : ": Published"}
              {version.correctionType && ` (${CORRECTION_TYPE_LABELS[version.correctionType]})`}
            </h2>
            <p className="text-sm text-muted">
              Saved <time dateTime={version.savedAt.toISOString()}>{formatInstant(version.savedAt, "UTC")}</time> by {version.savedBy}
              {version.reviewedBy && <>, reviewed by {version.reviewedBy}</>}
            </p>
            {version.reason && (
              <p className="mt-1">
                <span className="font-semibold">Why:</span> {version.reason}
              </p>
            )}
            <div className="mt-2">
              <VersionDiff diff={version.diff} before={version.before} after={version.after} />
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
