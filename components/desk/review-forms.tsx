"use client";

import { Button } from "@/components/ui/button";
import { FormOutcome } from "@/components/forms/form-outcome";
import { Textarea } from "@/components/ui/textarea";
import type { TFormAction } from "@/components/forms/form-state";
import { useActionForm } from "@/components/forms/use-action-form";

type TSubmission = { id: string; version: number; headline: string };

/** Approves a submission as it was submitted: it takes effect, with the reviewer recorded. */
export function ApproveReviewForm({ action, submission }: { action: TFormAction<never>; submission: TSubmission }) {
  const { state, formAction, isPending } = useActionForm(action);
  return (
    <form action={formAction} className="space-y-2">
      <FormOutcome state={state} conflicts="plain" title="Not approved" />
      <input type="hidden" name="id" value={submission.id} />
      <input type="hidden" name="version" value={submission.version} />
      <Button type="submit" disabled={isPending} aria-label={`Approve “${submission.headline}”`}>
        Approve
      </Button>
    </form>
  );
}

/** Returns a submission to its author with the comment they read on the entry's page. */
export function ReturnReviewForm({ action, submission }: { action: TFormAction<never>; submission: TSubmission }) {
  const { state, formAction, isPending, generation, error, text } = useActionForm(action, { comment: "" });
  return (
    <form key={generation} action={formAction} className="space-y-2">
      <FormOutcome state={state} conflicts="plain" title="Not returned" labelFor={() => "Comment"} />
      <input type="hidden" name="id" value={submission.id} />
      <input type="hidden" name="version" value={submission.version} />
      <Textarea
        id={`return-comment-${submission.id}`}
        name="comment"
        label={`Comment for the author of “${submission.headline}”`}
        rows={2}
        hint="Required to return it: say what should change. Nothing takes effect."
        defaultValue={text("comment")}
        error={error("comment")}
      />
      <Button type="submit" variant="secondary" disabled={isPending}>
        Return to the author
      </Button>
    </form>
  );
}

/** The admin's switch for two-person review; the button says what it does. */
export function ReviewSwitchForm({ action, isReviewRequired, version }: { action: TFormAction<never>; isReviewRequired: boolean; version: number }) {
  const { state, formAction, isPending } = useActionForm(action);
  return (
    <form action={formAction} className="space-y-2">
      <FormOutcome state={state} conflicts="plain" title="Not changed" />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="isReviewRequired" value={isReviewRequired ? "" : "on"} />
      <Button type="submit" variant={isReviewRequired ? "secondary" : "primary"} disabled={isPending}>
        {isReviewRequired ? "Switch two-person review off" : "Switch two-person review on"}
      </Button>
    </form>
  );
}
