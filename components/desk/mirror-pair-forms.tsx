"use client";

import { Button } from "@/components/ui/button";
import { FormOutcome } from "@/components/forms/form-outcome";
import type { TFormAction } from "@/components/forms/form-state";
import { useActionForm } from "@/components/forms/use-action-form";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";

type TProposal = { pair: string; originalSlug: string; answerSlug: string; answerVersion: number; label: string };

/** Confirms a proposed pair: the answer gets a RETALIATION_FOR link to the original (a stale answer version is refused). */
export function ConfirmMirrorPairForm({ action, proposal }: { action: TFormAction<never>; proposal: TProposal }) {
  const { state, formAction, isPending, generation, error, text } = useActionForm(action, { note: "" }, { showsConflicts: true });
  const id = `confirm-${proposal.originalSlug}-${proposal.answerSlug}`;
  return (
    <form key={generation} action={formAction} className="space-y-2" aria-label={`Confirm: ${proposal.label}`}>
      <FormOutcome state={state} conflicts="plain" title="Not confirmed" labelFor={() => "Note"} />
      <input type="hidden" name="pair" value={proposal.pair} />
      <input type="hidden" name="originalSlug" value={proposal.originalSlug} />
      <input type="hidden" name="answerSlug" value={proposal.answerSlug} />
      <input type="hidden" name="version" value={proposal.answerVersion} />
      <Input id={`${id}-note`} name="note" label="Note on the link (which report says it is an answer)" optional defaultValue={text("note")} error={error("note")} />
      <Button type="submit" disabled={isPending}>
        Confirm: the second answers the first
      </Button>
    </form>
  );
}

/** Dismisses a proposed pair for good, with the reason. */
export function DismissMirrorPairForm({ action, proposal }: { action: TFormAction<never>; proposal: TProposal }) {
  const { state, formAction, isPending, generation, error, text } = useActionForm(action, { reason: "" });
  const id = `dismiss-${proposal.originalSlug}-${proposal.answerSlug}`;
  return (
    <form key={generation} action={formAction} className="space-y-2" aria-label={`Dismiss: ${proposal.label}`}>
      <FormOutcome state={state} conflicts="plain" title="Not dismissed" labelFor={() => "Reason"} />
      <input type="hidden" name="pair" value={proposal.pair} />
      <input type="hidden" name="firstSlug" value={proposal.originalSlug} />
      <input type="hidden" name="secondSlug" value={proposal.answerSlug} />
      <Textarea id={`${id}-reason`} name="reason" label="Why they do not answer each other" rows={2} defaultValue={text("reason")} error={error("reason")} />
      <Button type="submit" variant="secondary" disabled={isPending}>
        Dismiss this proposal
      </Button>
    </form>
  );
}
