import type { Metadata } from "next";
import Link from "next/link";
import { AddConditionForm } from "@/components/desk/condition-forms";
import { listTimeZones } from "@/components/desk/time-zone-options";
import { requireSignedIn } from "@/lib/server/auth/require-signed-in";
import { listSubjectOptions } from "@/lib/server/desk/list-desk-options";
import { addConditionAction } from "../../../../conditions/actions";
import { loadEntry } from "../../load";

export const metadata: Metadata = { title: "Add a condition" };

type TProps = { params: Promise<{ id: string }> };

export default async function AddConditionPage({ params }: TProps) {
  const { id } = await params;
  const actor = await requireSignedIn(`/desk/entries/${id}/conditions/new`, "condition:write");
  const { record, subject } = await loadEntry(actor, id);
  const options = await listSubjectOptions(actor);
  return (
    <section aria-labelledby="add-condition-heading" className="max-w-3xl space-y-4">
      <p className="text-sm text-muted [&_a]:underline">
        <Link href="/desk">Desk</Link> / <Link href={`/desk/entries/${id}`}>{record.headline}</Link>
      </p>
      <h1 id="add-condition-heading" className="font-serif text-3xl font-bold">
        Add a condition
      </h1>
      <p>
        A condition that “{record.headline}” ({subject.name}) leaves in place. Readers see it while the development is published, with its history of states.
      </p>
      <AddConditionForm
        action={addConditionAction}
        statusChangeId={id}
        dependsOnOptions={[...options.agreements, ...options.measures].map((option) => ({ value: option.value, label: option.label }))}
        timeZones={listTimeZones()}
        initial={{ state: "HOLDING", timeZone: record.timeZone }}
      />
    </section>
  );
}
