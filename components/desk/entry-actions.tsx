"use client";

import { Button } from "@/components/ui/button";
import { FormOutcome } from "@/components/forms/form-outcome";
import { Textarea } from "@/components/ui/textarea";
import type { TFormAction } from "@/components/forms/form-state";
import { useActionForm } from "@/components/forms/use-action-form";

/** Publishes a draft as it stands (the server refuses it without a citation). */
export function PublishForm({ action, id, version }: { action: TFormAction<never>; id: string; version: number }) {
  const { state, formAction, isPending } = useActionForm(action, {}, { showsConflicts: true });
  return (
    <form action={formAction} className="space-y-3">
      <FormOutcome state={state} conflicts="plain" title="Not published" describe={(failure) => failure.fieldErrors.citations?.[0] ?? failure.error} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <Button type="submit" disabled={isPending}>
        Publish this draft
      </Button>
    </form>
  );
}

/** Retracts a published entry (admins): a reason is required and shown to readers. */
export function RetractForm({ action, id, version }: { action: TFormAction<never>; id: string; version: number }) {
  const { state, formAction, isPending, generation, error, text } = useActionForm(action, { reason: "" }, { showsConflicts: true });
  return (
    <form key={generation} action={formAction} className="space-y-3">
      <FormOutcome state={state} conflicts="plain" title="Not retracted" labelFor={() => "Reason"} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <Textarea
        name="reason"
        label="Reason for the retraction"
        rows={3}
        hint="Readers see it beside the entry: “retracted on … by … because …”. The entry stays in the history and stops counting for the current status."
        defaultValue={text("reason")}
        error={error("reason")}
      />
      <Button type="submit" variant="danger" disabled={isPending}>
        Retract this entry
      </Button>
    </form>
  );
}
