"use client";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { textAt } from "@/components/forms/form-state";
import { RecordFormNotices, RecordKeyFields } from "./record-form-frame";
import type { TFormAction } from "@/components/forms/form-state";
import { useActionForm } from "@/components/forms/use-action-form";

const LABELS: Record<string, string> = { code: "Code", kind: "Kind", name: "Name", aliases: "Other names" };

/** Creating a party (code and kind are fixed once created) or editing its name and aliases. */
export function PartyForm({ action, initial, record }: { action: TFormAction<never>; initial: Record<string, string>; record?: { key: string; version: number } }) {
  const { formAction, isPending, failure, generation, values, error } = useActionForm(action, initial, { showsConflicts: true });
  return (
    <div className="space-y-6">
      <RecordFormNotices
        failure={failure}
        labelFor={(path) => LABELS[path] ?? path}
        reloadHref={record ? `/desk/parties/${record.key}/edit` : undefined}
        conflictFields={(theirs) => ["name", "aliases"].map((field) => ({ label: LABELS[field] as string, theirs: textAt(theirs, field), yours: textAt(values, field) }))}
      />
      <form key={generation} action={formAction} noValidate className="max-w-2xl space-y-4">
        <RecordKeyFields record={record} failure={failure} />
        {record ? (
          <p>
            Code <strong>{record.key}</strong> · {textAt(initial, "kind") === "STATE" ? "state" : "organisation"} (neither changes once created)
          </p>
        ) : (
          <div className="grid gap-4 md:grid-cols-2">
            <Select name="kind" label="Kind" defaultValue={textAt(values, "kind")} error={error("kind")}>
              <option value="">Choose…</option>
              <option value="STATE">State</option>
              <option value="ORGANIZATION">Organisation</option>
            </Select>
            <Input name="code" label="Code" defaultValue={textAt(values, "code")} error={error("code")} hint="ISO 3166-1 alpha-3 for a state (JPN); a short code for an organisation (EU, ASEAN)." />
          </div>
        )}
        <Input name="name" label="Name" defaultValue={textAt(values, "name")} error={error("name")} />
        <Textarea name="aliases" label="Other names" optional rows={4} hint="One per line: “Republic of Korea”, “ROK”." defaultValue={textAt(values, "aliases")} error={error("aliases")} />
        <Button type="submit" disabled={isPending}>
          {record ? (failure?.code === "CONFLICT" ? "Save my version over theirs" : "Save changes") : "Create party"}
        </Button>
      </form>
    </div>
  );
}
