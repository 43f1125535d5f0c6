"use client";

import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Textarea } from "@/components/ui/textarea";
import { summaryItems } from "./form-state";
import { useDeskForm, type TDeskAction } from "./use-desk-form";

/** Publishes a draft as it stands (the server refuses it without a citation). */
export function PublishForm({ action, id, version }: { action: TDeskAction; id: string; version: number }) {
  const { formAction, isPending, failure } = useDeskForm(action, {});
  return (
    <form action={formAction} className="space-y-3">
      {failure && <ErrorSummary title="Not published" message={failure.fieldErrors.citations?.[0] ?? failure.error} items={[]} />}
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <Button type="submit" disabled={isPending}>
        Publish this draft
      </Button>
    </form>
  );
}

/** Retracts a published entry (admins): a reason is required and shown to readers. */
export function RetractForm({ action, id, version }: { action: TDeskAction; id: string; version: number }) {
  const { formAction, isPending, failure, generation, values, error } = useDeskForm(action, { reason: "" });
  return (
    <form key={generation} action={formAction} className="space-y-3">
      {failure && <ErrorSummary title="Not retracted" message={failure.error} items={summaryItems(failure, () => "Reason")} />}
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <Textarea
        name="reason"
        label="Reason for the retraction"
        rows={3}
        hint="Readers see it beside the entry: “retracted on … by … because …”. The entry stays in the history and stops counting for the current status."
        defaultValue={typeof (values as { reason?: unknown }).reason === "string" ? (values as { reason: string }).reason : ""}
        error={error("reason")}
      />
      <Button type="submit" variant="danger" disabled={isPending}>
        Retract this entry
      </Button>
    </form>
  );
}
