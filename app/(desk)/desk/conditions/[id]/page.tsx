import type { Metadata } from "next";
import Link from "next/link";
import { ConditionHistory } from "@/components/condition-history";
import { ConditionStateBadge } from "@/components/condition-state-badge";
import { RecordConditionStateForm } from "@/components/desk/condition-forms";
import { listTimeZones } from "@/components/desk/time-zone-options";
import { currentConditionState } from "@/lib/domain/condition-states";
import { requireSignedIn } from "@/lib/server/auth/require-signed-in";
import { getConditionForDesk } from "@/lib/server/conditions/get-condition-for-desk";
import { orNotFound } from "@/lib/server/or-not-found";
import { can } from "@/lib/server/permissions";
import { recordConditionStateAction } from "../actions";

export const metadata: Metadata = { title: "Condition" };

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

const SAVED: Record<string, string> = {
  added: "Condition added. Readers see it with its development once that is published.",
  state: "State recorded. It is now the latest in the condition's history.",
};

export default async function ConditionDeskPage({ params, searchParams }: TProps) {
  const { id } = await params;
  const { saved } = await searchParams;
  const actor = await requireSignedIn(`/desk/conditions/${id}`, "draft:read");
  const condition = await orNotFound(getConditionForDesk(actor, id));
  const current = currentConditionState(condition.states);
  const dependsOn = condition.dependsOnAgreement
    ? { href: `/agreements/${condition.dependsOnAgreement.slug}`, name: condition.dependsOnAgreement.shortName || condition.dependsOnAgreement.title }
    : condition.dependsOnMeasure
      ? { href: `/measures/${condition.dependsOnMeasure.slug}`, name: condition.dependsOnMeasure.title }
      : null;
  return (
    <section aria-labelledby="condition-heading" className="max-w-3xl space-y-6">
      <div>
        <p className="text-sm text-muted [&_a]:underline">
          <Link href="/desk">Desk</Link> / <Link href={`/desk/entries/${condition.statusChangeId}`}>{condition.statusChange.headline}</Link>
        </p>
        <h1 id="condition-heading" className="mt-1 font-serif text-3xl font-bold">
          Condition: {condition.statement}
        </h1>
        <p className="mt-1 text-sm">
          {current ? <ConditionStateBadge state={current.state} /> : "No state yet"} · version {condition.version}
          {dependsOn && (
            <>
              {" "}
              · depends on <Link href={dependsOn.href} className="underline">{dependsOn.name}</Link>
            </>
          )}
        </p>
      </div>
      {saved && SAVED[saved] && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3 text-green-900">
          {SAVED[saved]}
        </p>
      )}
      <section aria-labelledby="condition-history-heading">
        <h2 id="condition-history-heading" className="font-serif text-xl font-bold">
          History
        </h2>
        <ConditionHistory states={condition.states.map((entry) => ({ ...entry, citations: entry.citations }))} />
      </section>
      {can(actor, "condition:write") && (
        <section aria-labelledby="record-state-heading" className="space-y-3">
          <h2 id="record-state-heading" className="font-serif text-xl font-bold">
            Record a change of state
          </h2>
          <RecordConditionStateForm action={recordConditionStateAction} conditionId={condition.id} version={condition.version} timeZones={listTimeZones()} initial={{ timeZone: current?.timeZone ?? "UTC" }} />
        </section>
      )}
    </section>
  );
}
