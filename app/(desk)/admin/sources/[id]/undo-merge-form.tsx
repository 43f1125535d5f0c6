"use client";

import { Button } from "@/components/ui/button";
import { undoMerge } from "../actions";
import { FormOutcome } from "@/components/forms/form-outcome";
import { useActionForm } from "@/components/forms/use-action-form";

/** Undoes the merge that made this source a redirect. */
export function UndoMergeForm({ sourceId, targetTitle }: { sourceId: string; targetTitle: string }) {
  const form = useActionForm(undoMerge);
  const { state, formAction: action, isPending } = form;
  return (
    <form action={action} className="space-y-2">
      <FormOutcome state={state} />
      <input type="hidden" name="sourceId" value={sourceId} />
      <Button type="submit" variant="secondary" disabled={isPending} aria-describedby="undo-merge-hint">
        Undo merge
      </Button>
      <p id="undo-merge-hint" className="text-sm text-muted">
        Moves the citations this merge took back from “{targetTitle}” and makes this a source of its own again.
      </p>
    </form>
  );
}
