"use client";

import { Button } from "@/components/ui/button";
import { mergeDuplicateSource } from "../actions";
import { FormOutcome } from "@/components/forms/form-outcome";
import { useActionForm } from "@/components/forms/use-action-form";

type TSide = { id: string; version: number; title: string };

/** Merges `duplicate` into `target` as the admin saw them side by side (their versions travel along). */
export function MergeForm({ duplicate, target, label, variant = "primary" }: { duplicate: TSide; target: TSide; label: string; variant?: "primary" | "secondary" }) {
  const form = useActionForm(mergeDuplicateSource);
  const { state, formAction: action, isPending } = form;
  return (
    <form action={action} className="space-y-2">
      <FormOutcome state={state} />
      <input type="hidden" name="sourceId" value={duplicate.id} />
      <input type="hidden" name="targetId" value={target.id} />
      <input type="hidden" name="sourceVersion" value={duplicate.version} />
      <input type="hidden" name="targetVersion" value={target.version} />
      <Button type="submit" variant={variant} disabled={isPending}>
        {label}
      </Button>
    </form>
  );
}
