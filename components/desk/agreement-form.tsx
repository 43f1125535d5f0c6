"use client";

import type { TPartyOption } from "@/lib/server/desk/list-desk-options";
import { Button } from "@/components/ui/button";
import { Checkbox, Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { listAt, textAt } from "@/components/forms/form-state";
import { RecordFormNotices, RecordKeyFields, RepeatedSelect } from "./record-form-frame";
import { TimeZoneOptions } from "./time-zone-options";
import type { TFormAction } from "@/components/forms/form-state";
import { useActionForm } from "@/components/forms/use-action-form";

const KINDS = [
  ["SECURITY", "Security"],
  ["TRADE", "Trade"],
  ["DIPLOMATIC", "Diplomatic"],
  ["ECONOMIC", "Economic"],
  ["OTHER", "Other"],
] as const;

const LABELS: Record<string, string> = {
  title: "Title",
  shortName: "Short name",
  kind: "Kind",
  partyCodes: "Parties",
  signedOn: "Signed on",
  inForceOn: "In force from",
  termMonths: "Term in months",
  autoRenews: "Renews automatically",
  noticeDays: "Notice period in days",
  timeZone: "Time zone",
  summary: "Summary",
};

export type TAgreementFormInitial = Record<keyof typeof LABELS, string | string[]>;

/** Creating or editing an agreement: parties, dates, term rules, summary. */
export function AgreementForm({
  action,
  initial,
  parties,
  timeZones,
  record,
}: {
  action: TFormAction<never>;
  initial: TAgreementFormInitial;
  parties: TPartyOption[];
  timeZones: string[];
  record?: { key: string; version: number };
}) {
  const { formAction, isPending, failure, generation, values, error } = useActionForm(action, initial, { showsConflicts: true });
  return (
    <div className="space-y-6">
      <RecordFormNotices
        failure={failure}
        labelFor={(path) => LABELS[path] ?? path}
        reloadHref={record ? `/desk/agreements/${record.key}/edit` : undefined}
        conflictFields={(theirs) =>
          Object.entries(LABELS).map(([field, label]) => ({
            label,
            theirs: Array.isArray(theirs[field]) ? (theirs[field] as string[]).join(", ") : textAt(theirs, field),
            yours: field === "partyCodes" ? listAt(values, field).join(", ") : textAt(values, field),
          }))
        }
      />
      <form key={generation} action={formAction} noValidate className="max-w-3xl space-y-4">
        <RecordKeyFields record={record} failure={failure} />
        <Input name="title" label="Title" defaultValue={textAt(values, "title")} error={error("title")} hint="The full title: “General Security of Military Information Agreement”." />
        <div className="grid gap-4 md:grid-cols-2">
          <Input name="shortName" label="Short name" optional defaultValue={textAt(values, "shortName")} error={error("shortName")} hint="GSOMIA. The address is made from it (or the title) once and never changes." />
          <Select name="kind" label="Kind" defaultValue={textAt(values, "kind")} error={error("kind")}>
            <option value="">Choose…</option>
            {KINDS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </div>
        <RepeatedSelect name="partyCodes" legend="Parties" hint="At least two." error={error("partyCodes")} options={parties} selected={listAt(values, "partyCodes")} minimum={2} />
        <div className="grid gap-4 md:grid-cols-2">
          <Input name="signedOn" label="Signed on" optional type="date" defaultValue={textAt(values, "signedOn")} error={error("signedOn")} />
          <Input name="inForceOn" label="In force from" optional type="date" defaultValue={textAt(values, "inForceOn")} error={error("inForceOn")} />
          <Input name="termMonths" label="Term in months" optional inputMode="numeric" defaultValue={textAt(values, "termMonths")} error={error("termMonths")} hint="Empty if open-ended." />
          <Input name="noticeDays" label="Notice period in days" optional inputMode="numeric" defaultValue={textAt(values, "noticeDays")} error={error("noticeDays")} hint="Days of written notice needed to end it." />
        </div>
        <Checkbox name="autoRenews" label="Renews automatically at the end of each term" defaultChecked={textAt(values, "autoRenews") === "on" || textAt(values, "autoRenews") === "true"} error={error("autoRenews")} />
        <Select name="timeZone" label="Time zone" hint="Where its dates and deadlines fall." defaultValue={textAt(values, "timeZone") || "UTC"} error={error("timeZone")}>
          <TimeZoneOptions zones={timeZones} current={textAt(values, "timeZone")} />
        </Select>
        <Textarea name="summary" label="Summary" optional rows={5} defaultValue={textAt(values, "summary")} error={error("summary")} />
        <Button type="submit" disabled={isPending}>
          {record ? (failure?.code === "CONFLICT" ? "Save my version over theirs" : "Save changes") : "Create agreement"}
        </Button>
      </form>
    </div>
  );
}
