"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { mergeDuplicateSource } from "../actions";
import { FormOutcome } from "../../_components/form-outcome";

type TSide = { id: string; version: number; title: string };

/** Merges `duplicate` into `target` as the admin saw them side by side (their versions travel along). */
export function MergeForm({ duplicate, target, label, variant = "primary" }: { duplicate: TSide; target: TSide; label: string; variant?: "primary" | "secondary" }) {
  const [state, action, isPending] = useActionState(mergeDuplicateSource, null);
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
