import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { RELIABILITY_GRADES } from "@/lib/domain/admiralty-grades";
import { formatInstant, formatOccurred } from "@/lib/domain/dates";
import { sourceFormValues } from "@/lib/server/sources/source-form-values";
import { isGraded } from "@/lib/domain/source-duplicates";
import { SOURCE_KIND_LABELS } from "@/lib/domain/source-kinds";
import { requireSignedIn } from "@/lib/server/auth/require-signed-in";
import { orNotFound } from "@/lib/server/or-not-found";
import { getSourceForAdmin, type TAdminSource } from "@/lib/server/sources/get-source-for-admin";
import { Notice } from "../../_components/notice";
import { EditSourceForm } from "./edit-source-form";
import { GradeSourceForm } from "./grade-source-form";
import { SyndicationForm } from "./syndication-form";
import { RestoreSourceForm, RetireSourceForm } from "./retire-source-form";
import { UndoMergeForm } from "./undo-merge-form";
import { subjectRef } from "@/lib/domain/subject-ref";

export const metadata: Metadata = { title: "Source" };

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string }> };

const NOTICES: Record<string, string> = {
  merged: "Merged. Every citation of the duplicate now cites this source, and the duplicate's address leads here.",
  unmerged: "Merge undone. This source has its citations back and its own address again.",
};

async function load(id: string): Promise<TAdminSource> {
  const actor = await requireSignedIn(`/admin/sources/${id}`, "source:edit");
  return orNotFound(getSourceForAdmin(actor, id));
}

export default async function AdminSourcePage({ params, searchParams }: TProps) {
  await connection();
  const { id } = await params;
  const source = await load(id);
  const notice = NOTICES[(await searchParams).notice ?? ""];

  return (
    <div className="space-y-8">
      {notice && <Notice>{notice}</Notice>}
      <div>
        <p className="text-sm text-muted">
          <Link href="/admin/sources">Source registry</Link> / source
        </p>
        <h1 className="mt-1 font-serif text-3xl font-bold">{source.title}</h1>
        <p className="mt-1 text-muted">
          {source.publisher} · {SOURCE_KIND_LABELS[source.kind]}
          {source.publishedAt && <> · {formatOccurred(source.publishedAt, "DAY", "UTC")}</>} ·{" "}
          {isGraded(source) ? `reliability ${source.reliability} (${RELIABILITY_GRADES[source.reliability].label.toLowerCase()})` : "not graded yet"}
        </p>
        <p className="mt-1 break-all text-sm">
          <a href={source.url} rel="nofollow noopener noreferrer">
            {source.url}
          </a>
          {source.archiveUrl && (
            <>
              {" "}
              · <a href={source.archiveUrl} rel="nofollow noopener noreferrer">archived copy</a>
            </>
          )}
        </p>
        <p className="mt-1 text-sm text-muted">
          Added {formatInstant(source.createdAt, "UTC")}
          {source.createdBy && <> by {source.createdBy.name}</>} · version {source.version} ·{" "}
          <Link href={`/admin/audit?entityType=Source&entityId=${source.id}`}>history in the audit log</Link>
          {!source.mergedIntoId && (
            <>
              {" "}
              · <Link href={`/sources/${source.id}`}>public page</Link>
            </>
          )}
        </p>
        {source.canonicalUrlNow && (
          <p className="mt-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm">
            This link was stored before a canonicalisation rule it breaks; today it would be stored as{" "}
            <code className="break-all">{source.canonicalUrlNow}</code>.
            {!source.mergedIntoId && (
              <>
                {" "}
                <Link href="/admin/sources/duplicates">Check for duplicates</Link> or correct the link below.
              </>
            )}
          </p>
        )}
      </div>

      {source.mergedIntoId && source.mergedInto ? (
        <section aria-labelledby="merged-heading" className="rounded border border-rule bg-white p-4">
          <h2 id="merged-heading" className="font-serif text-2xl font-bold">
            Merged into another source
          </h2>
          <p className="mt-1">
            Merged {source.mergedAt && formatInstant(source.mergedAt, "UTC")} into{" "}
            <Link href={`/admin/sources/${source.mergedInto.id}`}>{source.mergedInto.title}</Link> ({source.mergedInto.publisher}). Its public page and API
            address lead there; it can no longer be cited or changed.
          </p>
          <div className="mt-3">
            {source.undo?.isPossible ? (
              <UndoMergeForm sourceId={source.id} targetTitle={source.mergedInto.title} />
            ) : (
              <p className="text-sm text-muted">{source.undo?.problem}</p>
            )}
          </div>
        </section>
      ) : (
        <>
          <section aria-labelledby="grade-heading" className="rounded border border-rule bg-white p-4">
            <h2 id="grade-heading" className="font-serif text-2xl font-bold">
              Reliability
            </h2>
            <GradeSourceForm source={source} />
          </section>

          <section aria-labelledby="syndication-heading" className="rounded border border-rule bg-white p-4">
            <h2 id="syndication-heading" className="mb-3 font-serif text-2xl font-bold">
              Syndication
            </h2>
            <SyndicationForm source={source} />
          </section>

          <section aria-labelledby="edit-heading" className="rounded border border-rule bg-white p-4">
            <h2 id="edit-heading" className="mb-3 font-serif text-2xl font-bold">
              Details
            </h2>
            <EditSourceForm
              source={{
                id: source.id,
                version: source.version,
                ...sourceFormValues(source),
              }}
            />
          </section>

          <section aria-labelledby="retire-heading" className="rounded border border-rule bg-white p-4">
            <h2 id="retire-heading" className="mb-2 font-serif text-2xl font-bold">
              {source.retiredAt ? "Retired" : "Retire"}
            </h2>
            {source.retiredAt ? (
              <>
                <p className="mb-3">
                  Retired {formatInstant(source.retiredAt, "UTC")}: {source.retiredReason}. Existing citations show it as retired; it cannot be cited
                  again until restored.
                </p>
                <RestoreSourceForm source={source} />
              </>
            ) : (
              <RetireSourceForm source={source} />
            )}
          </section>
        </>
      )}

      {source.mergedFrom.length > 0 && (
        <section aria-labelledby="merged-from-heading">
          <h2 id="merged-from-heading" className="font-serif text-2xl font-bold">
            Duplicates merged into this source
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {source.mergedFrom.map((duplicate) => (
              <li key={duplicate.id}>
                <Link href={`/admin/sources/${duplicate.id}`}>{duplicate.title}</Link>{" "}
                <span className="break-all text-sm text-muted">{duplicate.url}</span>
                {duplicate.mergedAt && <span className="text-sm text-muted"> · merged {formatInstant(duplicate.mergedAt, "UTC")}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="citing-heading">
        <h2 id="citing-heading" className="font-serif text-2xl font-bold">
          Entries citing this source ({source.citationCount})
        </h2>
        {source.citations.length === 0 ? (
          <p className="mt-2 text-muted">No entry cites this source.</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {source.citations.map((citation) => {
              const entry = citation.statusChange;
              const subject = subjectRef(entry);
              return (
                <li key={citation.id} className="border-l-4 border-rule pl-3">
                  <p>
                    {subject && <Link href={`${subject.href}#entry-${entry.id}`}>{subject.name}</Link>}: {entry.headline}{" "}
                    <span className="text-sm text-muted">
                      ({formatOccurred(entry.occurredAt, entry.occurredPrecision, entry.timeZone)}, {entry.state.toLowerCase()})
                    </span>
                  </p>
                  {citation.quote && <p className="text-sm text-muted">“{citation.quote}”</p>}
                </li>
              );
            })}
          </ul>
        )}
        {source.citationCount > source.citations.length && (
          <p className="mt-2 text-sm text-muted">Showing the {source.citations.length} most recent of {source.citationCount}.</p>
        )}
      </section>
    </div>
  );
}
