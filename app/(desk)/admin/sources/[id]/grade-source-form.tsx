"use client";

import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { FieldGroup } from "@/components/ui/field";
import { RELIABILITY_GRADES } from "@/lib/domain/admiralty-grades";
import { gradeSourceReliability } from "../actions";
import { FormOutcome } from "@/components/forms/form-outcome";
import { useActionForm } from "@/components/forms/use-action-form";

/** The Admiralty reliability grade, A to F, each with its meaning, and the reason for the choice. */
export function GradeSourceForm({ source }: { source: { id: string; version: number; reliability: string; reliabilityNote: string | null } }) {
  const form = useActionForm(gradeSourceReliability);
  const { state, formAction: action, isPending } = form;
  const chosen = form.shown("reliability", source.reliability);
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormOutcome state={state} success={state?.ok && `Graded ${state.data.reliability}.`} />
      <input type="hidden" name="id" value={source.id} />
      <input type="hidden" name="version" value={source.version} />
      <FieldGroup id="grade-reliability" legend="Reliability" error={form.error("reliability")}>
        <div className="space-y-1">
          {Object.entries(RELIABILITY_GRADES).map(([grade, text]) => (
            <div key={grade} className="flex items-start gap-2">
              <input type="radio" id={`grade-${grade}`} name="reliability" value={grade} defaultChecked={chosen === grade} className="mt-1" />
              <label htmlFor={`grade-${grade}`}>
                <span className="font-semibold">
                  {grade} · {text.label}
                </span>
                <span className="block text-sm text-muted">{text.meaning}</span>
              </label>
            </div>
          ))}
        </div>
      </FieldGroup>
      <Textarea id="grade-note" name="reliabilityNote" label="Why this grade" required rows={3}
        defaultValue={form.shown("reliabilityNote", source.reliabilityNote ?? "")} error={form.error("reliabilityNote")}
        hint="The source's record and standing, as readers should understand it." />
      <Button type="submit" disabled={isPending}>
        Save grade
      </Button>
    </form>
  );
}
