import type { Metadata } from "next";
import Link from "next/link";
import { CorroborationForm, PublishForm, RetractForm } from "@/components/desk/entry-actions";
import { ErratumForm } from "@/components/desk/erratum-form";
import { getPublishedChange } from "@/lib/server/status-changes/get-published-change";
import { HistoryEntry, historyMarkFor } from "@/components/history-entry";
import { requireSignedIn } from "@/lib/server/auth/require-signed-in";
import { judgeCorroborationAction, markSourceErratumAction, publishStatusChangeAction, retractStatusChangeAction } from "../actions";
import { loadEntry, publicHref } from "./load";
import { ENTRY_STATE_LABELS, authorName } from "@/lib/domain/entry-states";
import { ConditionStateBadge } from "@/components/condition-state-badge";
import { currentConditionState } from "@/lib/domain/condition-states";
import { listDevelopmentConditionsForDesk } from "@/lib/server/conditions/get-condition-for-desk";
import { can } from "@/lib/server/permissions";
import { EntryReviewStatus } from "@/components/desk/entry-review-status";
import { getReviewMode } from "@/lib/server/reviews/get-desk-settings";
import { getEntryReview } from "@/lib/server/reviews/get-entry-review";

export const metadata: Metadata = { title: "Entry" };

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

const SAVED_MESSAGES: Record<string, string> = {
  draft: "Saved as a draft. Readers do not see it until it is published.",
  published: "Published. Readers see it now in the history.",
  saved: "Saved.",
  retracted: "Retracted. The entry stays in the history, marked, and no longer counts for the current status.",
  submitted: "Submitted for review. It takes effect when another analyst or an admin approves it.",
  erratum: "Marked: readers see the source's error beside its citation and in the corrections log.",
};


export default async function EntryPage({ params, searchParams }: TProps) {
  const { id } = await params;
  const { saved } = await searchParams;
  const actor = await requireSignedIn(`/desk/entries/${id}`, "draft:read");
  const entry = await loadEntry(actor, id);
  const { record, subject, may } = entry;
  // A published entry's corroboration, as readers see it, for the analyst to accept or override.
  const published = record.state === "PUBLISHED" && may.edit ? await getPublishedChange(actor, id) : null;
  const conditions = await listDevelopmentConditionsForDesk(actor, id);
  const [review, { isReviewRequired }] = await Promise.all([getEntryReview(actor, id), getReviewMode(actor)]);

  return (
    <section aria-labelledby="entry-heading" className="space-y-6">
      <div>
        <p className="text-sm text-muted [&_a]:underline">
          <Link href="/desk">Desk</Link> / {subject.name}
        </p>
        <h1 id="entry-heading" className="mt-1 font-serif text-3xl font-bold">
          {record.headline}
        </h1>
        <p className="mt-1 text-sm">
          <strong>{ENTRY_STATE_LABELS[record.state]}</strong> · version {record.version} · logged by {authorName(record.author)}
        </p>
      </div>
      {saved && SAVED_MESSAGES[saved] && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
          {SAVED_MESSAGES[saved]}
        </p>
      )}
      <EntryReviewStatus review={review} />
      <nav aria-label="This entry" className="flex flex-wrap gap-4">
        {may.edit && <Link href={`/desk/entries/${id}/edit`}>Edit this entry</Link>}
        <Link href={`/desk/entries/${id}/revisions`}>Revisions</Link>
        {record.state !== "DRAFT" && <Link href={publicHref(subject, id)}>See it where readers do</Link>}
        <Link href={`/desk/log?subject=${subject.kind === "AGREEMENT" ? "agreement" : "measure"}:${subject.slug}`}>Log another development about {subject.name}</Link>
      </nav>

      <section aria-labelledby="preview-heading" className="rounded border border-rule bg-white px-4">
        <h2 id="preview-heading" className="pt-3 text-sm font-semibold uppercase tracking-wide text-muted">
          As readers {record.state === "DRAFT" ? "will see it" : "see it"}
        </h2>
        <HistoryEntry entry={entry.preview} mark={historyMarkFor(entry.preview, entry.previewStatus)} />
      </section>

      <section aria-labelledby="conditions-heading">
        <h2 id="conditions-heading" className="font-serif text-xl font-bold">
          Conditions
        </h2>
        {conditions.length === 0 ? (
          <p className="text-sm text-muted">None recorded: add one when this development leaves its subject in a conditional state.</p>
        ) : (
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {conditions.map((condition) => {
              const current = currentConditionState(condition.states);
              return (
                <li key={condition.id}>
                  <Link href={`/desk/conditions/${condition.id}`} className="underline">
                    {condition.statement}
                  </Link>{" "}
                  {current && <ConditionStateBadge state={current.state} />}
                </li>
              );
            })}
          </ul>
        )}
        {can(actor, "condition:write") && record.state !== "RETRACTED" && (
          <p className="mt-2">
            <Link href={`/desk/entries/${id}/conditions/new`} className="underline">
              Add a condition
            </Link>
          </p>
        )}
      </section>

      <section aria-labelledby="entry-positions-heading">
        <h2 id="entry-positions-heading" className="font-serif text-xl font-bold">
          Positions
        </h2>
        <p className="text-sm">
          <Link href={`/desk/positions?subject=${encodeURIComponent(`development:${id}`)}`} className="underline">
            The parties&apos; positions on this development
          </Link>
          : how each characterised it, quoted and cited.
        </p>
      </section>

      {may.publish && (
        <section aria-labelledby="publish-heading">
          <h2 id="publish-heading" className="font-serif text-xl font-bold">
            {isReviewRequired ? "Submit for review" : "Publish"}
          </h2>
          {isReviewRequired && <p className="mb-2 text-sm">Two-person review is on: another analyst or an admin approves it before readers see it.</p>}
          <PublishForm action={publishStatusChangeAction} id={id} version={record.version} isReviewRequired={isReviewRequired} />
        </section>
      )}
      {may.edit && record.state === "PUBLISHED" && record.citations.length > 0 && (
        <section aria-labelledby="erratum-heading" className="max-w-2xl">
          <h2 id="erratum-heading" className="font-serif text-xl font-bold">
            The source erred
          </h2>
          <ErratumForm
            action={markSourceErratumAction}
            id={id}
            version={record.version}
            citations={record.citations.map((citation) => ({ sourceId: citation.sourceId, label: `${citation.source.publisher}: ${citation.source.title}` }))}
          />
        </section>
      )}
      {published && (
        <section aria-labelledby="corroboration-heading" className="max-w-2xl">
          <h2 id="corroboration-heading" className="font-serif text-xl font-bold">
            Corroboration
          </h2>
          <CorroborationForm
            action={judgeCorroborationAction}
            id={id}
            version={record.version}
            suggested={{ level: published.corroboration.suggestedLevel, summary: published.corroboration.summary }}
            judgment={published.corroboration.judgment}
          />
        </section>
      )}
      {may.retract && (
        <section aria-labelledby="retract-heading" className="max-w-2xl">
          <h2 id="retract-heading" className="font-serif text-xl font-bold">
            Retract
          </h2>
          <RetractForm action={retractStatusChangeAction} id={id} version={record.version} isReviewRequired={isReviewRequired} />
        </section>
      )}
    </section>
  );
}
