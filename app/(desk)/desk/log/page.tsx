import type { Metadata } from "next";
import Link from "next/link";
import { StatusChangeForm } from "@/components/desk/status-change-form";
import { getReviewMode } from "@/lib/server/reviews/get-desk-settings";
import { listTimeZones } from "@/components/desk/time-zone-options";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { formatInstant } from "@/lib/domain/dates";
import { STATUS_LABELS } from "@/lib/domain/statuses";
import { requireSignedIn } from "@/lib/server/auth/require-signed-in";
import { listSubjectOptions } from "@/lib/server/desk/list-desk-options";
import { listCancellableChanges } from "@/lib/server/status-changes/list-cancellable-changes";
import { logStatusChangeAction } from "./actions";

export const metadata: Metadata = { title: "Log a development" };

type TProps = { searchParams: Promise<{ agreement?: string; measure?: string; subject?: string }> };

function subjectReference(params: Awaited<TProps["searchParams"]>): string {
  if (params.agreement) return `agreement:${params.agreement}`;
  if (params.measure) return `measure:${params.measure}`;
  return params.subject ?? "";
}

export default async function LogPage({ searchParams }: TProps) {
  const params = await searchParams;
  const reference = subjectReference(params);
  const actor = await requireSignedIn(`/desk/log${reference ? `?subject=${encodeURIComponent(reference)}` : ""}`, "status-change:log");
  const options = await listSubjectOptions(actor);
  const chosen = [...options.agreements, ...options.measures].find((option) => option.value === reference);

  if (!chosen) {
    return (
      <section aria-labelledby="log-heading" className="max-w-2xl">
        <h1 id="log-heading" className="font-serif text-3xl font-bold">
          Log a development
        </h1>
        <p className="mt-2">First choose what it is about: the statuses, time zone and scheduled changes on the form depend on it.</p>
        <form method="get" action="/desk/log" className="mt-4 space-y-4">
          <Select
            name="subject"
            label="Agreement or trade measure"
            defaultValue={reference}
            error={reference ? `Nothing is tracked as “${reference}”: choose from the list` : undefined}
          >
            <option value="">Choose…</option>
            <optgroup label="Agreements">
              {options.agreements.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </optgroup>
            <optgroup label="Trade measures">
              {options.measures.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </optgroup>
          </Select>
          <Button type="submit">Continue</Button>
        </form>
        <p className="mt-6 text-sm">
          Not tracked yet? <Link href="/desk/agreements/new">Add an agreement</Link> or <Link href="/desk/measures/new">add a trade measure</Link> first.
        </p>
      </section>
    );
  }

  const kind = chosen.value.startsWith("agreement:") ? ("AGREEMENT" as const) : ("MEASURE" as const);
  const cancellable = await listCancellableChanges(actor, { kind, slug: chosen.slug });
  return (
    <section aria-labelledby="log-heading">
      <h1 id="log-heading" className="font-serif text-3xl font-bold">
        Log a development
      </h1>
      <p className="mt-1 text-sm">
        <Link href="/desk/log">Choose another subject</Link>
      </p>
      <div className="mt-4">
        <StatusChangeForm
          isReviewRequired={(await getReviewMode(actor)).isReviewRequired}
          action={logStatusChangeAction}
          subject={{ value: chosen.value, kind, name: chosen.label }}
          initial={{
            status: "",
            headline: "",
            body: "",
            occurredOn: "",
            timeZone: chosen.timeZone,
            effectiveAt: "",
            effectiveTimeZone: "",
            direction: "NEUTRAL",
            cancelsId: "",
            citations: [],
          }}
          cancellable={cancellable.map((change) => ({
            id: change.id,
            label: `${STATUS_LABELS[change.status]}: ${change.headline} (from ${change.effectiveAt ? formatInstant(change.effectiveAt, change.timeZone) : "?"})`,
          }))}
          timeZones={listTimeZones()}
        />
      </div>
    </section>
  );
}
