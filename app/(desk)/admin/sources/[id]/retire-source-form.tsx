"use client";

import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { restoreRetiredSource, retireSourceWithReason } from "../actions";
import { FormOutcome } from "@/components/forms/form-outcome";
import { useActionForm } from "@/components/forms/use-action-form";

/** Retires a source with the reason; its citations stay, new ones are refused. */
export function RetireSourceForm({ source }: { source: { id: string; version: number } }) {
  const form = useActionForm(retireSourceWithReason);
  const { state, formAction: action, isPending } = form;
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormOutcome state={state} />
      <input type="hidden" name="id" value={source.id} />
      <input type="hidden" name="version" value={source.version} />
      <Textarea id="retire-reason" name="reason" label="Reason for retiring" required rows={2} defaultValue={form.shown("reason", "")} error={form.error("reason")}
        hint="Shown to readers beside every citation of this source, e.g. “withdrawn by the publisher”, “link dead, no archived copy”." />
      <Button type="submit" variant="danger" disabled={isPending}>
        Retire source
      </Button>
    </form>
  );
}

/** Returns a retired source to use. */
export function RestoreSourceForm({ source }: { source: { id: string; version: number } }) {
  const form = useActionForm(restoreRetiredSource);
  const { state, formAction: action, isPending } = form;
  return (
    <form action={action} className="space-y-2">
      <FormOutcome state={state} />
      <input type="hidden" name="id" value={source.id} />
      <input type="hidden" name="version" value={source.version} />
      <Button type="submit" variant="secondary" disabled={isPending}>
        Restore source
      </Button>
    </form>
  );
}
