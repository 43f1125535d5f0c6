"use client";

import { CORROBORATION_LEVEL_LABELS } from "@/lib/domain/corroboration";
import { Button } from "@/components/ui/button";
import { FormOutcome } from "@/components/forms/form-outcome";
import { Textarea } from "@/components/ui/textarea";
import type { TFormAction } from "@/components/forms/form-state";
import { useActionForm } from "@/components/forms/use-action-form";

/** Publishes a draft as it stands (the server refuses it without a citation), or submits it while two-person review is on. */
export function PublishForm({ action, id, version, isReviewRequired = false }: { action: TFormAction<never>; id: string; version: number; isReviewRequired?: boolean }) {
  const { state, formAction, isPending } = useActionForm(action, {}, { showsConflicts: true });
  return (
    <form action={formAction} className="space-y-3">
      <FormOutcome state={state} conflicts="plain" title={isReviewRequired ? "Not submitted" : "Not published"} describe={(failure) => failure.fieldErrors.citations?.[0] ?? failure.error} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <Button type="submit" disabled={isPending}>
        {isReviewRequired ? "Submit for review" : "Publish this draft"}
      </Button>
    </form>
  );
}

/** Retracts a published entry (admins): a reason is required and shown to readers. */
export function RetractForm({ action, id, version, isReviewRequired = false }: { action: TFormAction<never>; id: string; version: number; isReviewRequired?: boolean }) {
  const { state, formAction, isPending, generation, error, text } = useActionForm(action, { reason: "" }, { showsConflicts: true });
  return (
    <form key={generation} action={formAction} className="space-y-3">
      <FormOutcome state={state} conflicts="plain" title="Not retracted" labelFor={() => "Reason"} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      {/* Ids of their own: the entry page also shows the corroboration form's "reason", and one id for both pointed this label at that field. */}
      <Textarea
        id="retract-reason"
        name="reason"
        label="Reason for the retraction"
        rows={3}
        hint="Readers see it beside the entry: “retracted on … by … because …”. The entry stays in the history and stops counting for the current status."
        defaultValue={text("reason")}
        error={error("reason")}
      />
      <Button type="submit" variant="danger" disabled={isPending}>
        {isReviewRequired ? "Submit the retraction for review" : "Retract this entry"}
      </Button>
    </form>
  );
}

const LEVEL_LABELS = CORROBORATION_LEVEL_LABELS;
type TLevel = keyof typeof LEVEL_LABELS;

/** Accepts or overrides the rule's corroboration level, with the reason readers see; "the rule's level" clears a judgment. */
export function CorroborationForm({ action, id, version, suggested, judgment }: { action: TFormAction<never>; id: string; version: number; suggested: { level: TLevel; summary: string }; judgment: { level: TLevel; reason: string } | null }) {
  const { state, formAction, isPending, generation, error, text, shown } = useActionForm(action, { reason: judgment?.reason ?? "" }, { showsConflicts: true });
  return (
    <form key={generation} action={formAction} className="space-y-3">
      <FormOutcome state={state} conflicts="plain" title="Not saved" labelFor={(path) => (path === "level" ? "Level" : "Reason")} />
      <p className="text-sm">
        The rule says: <strong>{LEVEL_LABELS[suggested.level]}</strong> ({suggested.summary})
      </p>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <div>
        <label htmlFor="corroboration-level" className="block font-semibold">
          Level readers see
        </label>
        <select id="corroboration-level" name="level" defaultValue={shown("level", judgment?.level ?? "")} className="mt-1 rounded border border-rule bg-white px-2 py-1" aria-describedby={error("level") ? "corroboration-level-error" : undefined}>
          <option value="">The rule&apos;s level, no judgment</option>
          {(Object.keys(LEVEL_LABELS) as TLevel[]).map((level) => (
            <option key={level} value={level}>
              {LEVEL_LABELS[level]}
              {level === suggested.level ? " (accept the rule's)" : ""}
            </option>
          ))}
        </select>
        {error("level") && (
          <p id="corroboration-level-error" className="mt-1 text-sm text-red-800">
            {error("level")}
          </p>
        )}
      </div>
      <Textarea id="corroboration-reason" name="reason" label="Reason" rows={2} hint="Readers see it beside the level." defaultValue={text("reason")} error={error("reason")} />
      <Button type="submit" disabled={isPending}>
        Save the corroboration level
      </Button>
    </form>
  );
}
