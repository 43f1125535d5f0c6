import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { StatusChangeForm } from "@/components/desk/status-change-form";
import { getReviewMode } from "@/lib/server/reviews/get-desk-settings";
import { listTimeZones } from "@/components/desk/time-zone-options";
import { formatInstant } from "@/lib/domain/dates";
import { STATUS_LABELS } from "@/lib/domain/statuses";
import { requireSignedIn } from "@/lib/server/auth/require-signed-in";
import { listCancellableChanges } from "@/lib/server/status-changes/list-cancellable-changes";
import { editStatusChangeAction } from "../../actions";
import { loadEntry } from "../load";

export const metadata: Metadata = { title: "Edit an entry" };

type TProps = { params: Promise<{ id: string }> };

export default async function EditEntryPage({ params }: TProps) {
  const { id } = await params;
  const actor = await requireSignedIn(`/desk/entries/${id}/edit`, "status-change:edit");
  const entry = await loadEntry(actor, id);
  const { record, subject } = entry;
  if (record.state === "RETRACTED") {
    return (
      <section aria-labelledby="edit-heading" className="max-w-prose">
        <h1 id="edit-heading" className="font-serif text-3xl font-bold">
          This entry was retracted
        </h1>
        <p className="mt-2">
          A retracted entry stays in the history as it was and can no longer be edited. <Link href={`/desk/entries/${id}`}>Back to the entry</Link>
        </p>
      </section>
    );
  }
  if (!entry.may.edit) forbidden();
  const cancellable = (await listCancellableChanges(actor, subject)).filter((change) => change.id !== id);

  return (
    <section aria-labelledby="edit-heading">
      <p className="text-sm text-muted [&_a]:underline">
        <Link href="/desk">Desk</Link> / <Link href={`/desk/entries/${id}`}>{record.headline}</Link>
      </p>
      <h1 id="edit-heading" className="mt-1 font-serif text-3xl font-bold">
        Edit {record.state === "DRAFT" ? "a draft" : "a published entry"}
      </h1>
      {record.state === "PUBLISHED" && <p className="mt-1 text-sm">Every save of a published entry is kept as a revision, with who saved it and when.</p>}
      <div className="mt-4">
        <StatusChangeForm
          isReviewRequired={(await getReviewMode(actor)).isReviewRequired}
          action={editStatusChangeAction}
          subject={{ value: `${subject.kind === "AGREEMENT" ? "agreement" : "measure"}:${subject.slug}`, kind: subject.kind, name: subject.name }}
          initial={entry.formValues}
          cancellable={cancellable.map((change) => ({
            id: change.id,
            label: `${STATUS_LABELS[change.status]}: ${change.headline} (from ${change.effectiveAt ? formatInstant(change.effectiveAt, change.timeZone) : "?"})`,
          }))}
          timeZones={listTimeZones()}
          entry={{ id, version: record.version, state: record.state }}
        />
      </div>
    </section>
  );
}
