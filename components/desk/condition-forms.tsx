"use client";

import { CONDITION_STATE_LABELS, CONDITION_STATES } from "@/lib/domain/condition-states";
import type { TCitationFormValues } from "@/lib/server/status-changes/status-change-form-values";
import { FormOutcome } from "@/components/forms/form-outcome";
import { rowsAt, textAt, type TFormAction } from "@/components/forms/form-state";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { CitationRows } from "./citation-rows";
import { ConflictPanel } from "./conflict-panel";
import { TimeZoneOptions } from "./time-zone-options";

type TOption = { value: string; label: string };

const LABELS: Record<string, string> = {
  statement: "Condition",
  dependsOn: "Depends on",
  state: "State",
  note: "What happened",
  occurredOn: "Occurred on",
  timeZone: "Time zone",
  citations: "Citations",
};
const labelFor = (path: string) => LABELS[path] ?? (path.startsWith("citations.") ? `Citation ${Number(path.split(".")[1]) + 1}` : path);

/** The fields of one state: which, when, what happened, and the citations backing it. */
function StateFields({ values, error, timeZones, isFirst }: { values: unknown; error: (path: string) => string | undefined; timeZones: string[]; isFirst: boolean }) {
  return (
    <>
      <div className="grid gap-4 md:grid-cols-3">
        <Select name="state" label={isFirst ? "State when the condition was set" : "New state"} defaultValue={textAt(values, "state") || (isFirst ? "HOLDING" : "")} error={error("state")}>
          {!isFirst && <option value="">Choose…</option>}
          {CONDITION_STATES.map((state) => (
            <option key={state} value={state}>
              {CONDITION_STATE_LABELS[state]}
            </option>
          ))}
        </Select>
        <Input name="occurredOn" label="Occurred on" hint="YYYY-MM-DD, YYYY-MM or YYYY, as precisely as the sources say." defaultValue={textAt(values, "occurredOn")} error={error("occurredOn")} />
        <Select name="timeZone" label="Time zone" hint="Where the date falls." defaultValue={textAt(values, "timeZone") || "UTC"} error={error("timeZone")}>
          <TimeZoneOptions zones={timeZones} current={textAt(values, "timeZone")} />
        </Select>
      </div>
      <Textarea name="note" label="What happened" rows={2} hint="Optional, plain text: “Seoul resumes its WTO case.”" defaultValue={textAt(values, "note")} error={error("note")} />
      <section aria-labelledby="condition-citations-heading" className="space-y-3">
        <h2 id="condition-citations-heading" className="font-serif text-xl font-bold">
          Citations
        </h2>
        <p className="text-sm text-muted">Readers see this state at once, so it needs at least one source.</p>
        <CitationRows initial={rowsAt(values, "citations") as Partial<TCitationFormValues>[]} errorAt={error} />
      </section>
    </>
  );
}

/** Adds a condition to a development, with the state it was set in. */
export function AddConditionForm({ action, statusChangeId, dependsOnOptions, timeZones, initial }: { action: TFormAction<never>; statusChangeId: string; dependsOnOptions: TOption[]; timeZones: string[]; initial: Record<string, unknown> }) {
  const { state, formAction, isPending, generation, values, error } = useActionForm(action, initial);
  return (
    <form key={generation} action={formAction} noValidate className="space-y-6">
      <FormOutcome state={state} title="The condition was not added" labelFor={labelFor} />
      <input type="hidden" name="statusChangeId" value={statusChangeId} />
      <Textarea name="statement" label="Condition" rows={2} hint="As the parties put it: “South Korea can end the suspension at any time”." defaultValue={textAt(values, "statement")} error={error("statement")} />
      <Select name="dependsOn" label="Depends on" hint="The agreement or measure the condition is about, where there is one." defaultValue={textAt(values, "dependsOn")} error={error("dependsOn")}>
        <option value="">Nothing tracked</option>
        {dependsOnOptions.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
      <StateFields values={values} error={error} timeZones={timeZones} isFirst />
      <Button type="submit" disabled={isPending}>
        Add the condition
      </Button>
    </form>
  );
}

/** Records a new state of a condition; a state recorded meanwhile by someone else is shown beside yours. */
export function RecordConditionStateForm({ action, conditionId, version, timeZones, initial }: { action: TFormAction<never>; conditionId: string; version: number; timeZones: string[]; initial: Record<string, unknown> }) {
  const { state, formAction, isPending, generation, values, error, conflict } = useActionForm(action, initial, { showsConflicts: true });
  const theirs = conflict?.details.current as Record<string, string> | undefined;
  const shownVersion = conflict ? String(conflict.details.currentVersion) : String(version);
  return (
    <div className="space-y-6">
      {conflict && theirs && (
        <ConflictPanel
          savedBy={(conflict.details.savedBy as string | null) ?? null}
          savedAt={(conflict.details.savedAt as string | null) ?? null}
          fields={["state", "occurredOn", "timeZone", "note"].map((field) => ({ label: LABELS[field]!, theirs: theirs[field] ?? "", yours: textAt(values, field) }))}
        >
          <p className="mt-3">Their state is recorded. Submit the form again to record yours after it, or leave this page.</p>
        </ConflictPanel>
      )}
      <FormOutcome state={state} title="The state was not recorded" labelFor={labelFor} conflicts="beside" />
      <form key={generation} action={formAction} noValidate className="space-y-6">
        <input type="hidden" name="conditionId" value={conditionId} />
        <input type="hidden" name="version" value={shownVersion} />
        <StateFields values={values} error={error} timeZones={timeZones} isFirst={false} />
        <Button type="submit" disabled={isPending}>
          Record the state
        </Button>
      </form>
    </div>
  );
}
