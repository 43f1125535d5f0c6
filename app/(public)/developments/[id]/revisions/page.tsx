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
import { orNotFound } from "../../../_shared/load";

type TProps = { params: Promise<{ id: string }> };

const load = cache(async (id: string) => {
  await connection();
  return orNotFound(listPublicRevisions(await getCurrentActor(), id));
});

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { entry } = await load((await params).id);
  return { title: `Revisions: ${entry.headline} (${entry.subject.name})`, description: `Every published version of “${entry.headline}”, with what changed and why.` };
}

/** A development's public revision history (issue 12): each version, who saved it, when, why, and what changed. */
export default async function DevelopmentRevisionsPage({ params }: TProps) {
  const { entry, versions, isTruncated } = await load((await params).id);
  return (
    <div className={UNDERLINED_LINKS}>
      <p className="text-sm text-muted">
        <Link href="/developments">Developments</Link> / <Link href={entry.subject.href}>{entry.subject.name}</Link> / <Link href={`/developments/${entry.id}`}>{entry.headline}</Link>
      </p>
      <h1 className="mt-1 font-serif text-3xl font-bold">Revision history</h1>
      <p className="mt-1 max-w-prose">
        Every version of “<Link href={`/developments/${entry.id}`}>{entry.headline}</Link>” since it was published, oldest first: who saved it, when, why, and what
        changed. Corrections and retractions are also listed in <Link href="/corrections">the corrections log</Link>.
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
