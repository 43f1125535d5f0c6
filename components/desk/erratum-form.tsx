"use client";

import { Button } from "@/components/ui/button";
import { FormOutcome } from "@/components/forms/form-outcome";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { TFormAction } from "@/components/forms/form-state";
import { useActionForm } from "@/components/forms/use-action-form";

type TProps = { action: TFormAction<never>; id: string; version: number; citations: { sourceId: string; label: string }[] };

/** Marks a citation "the source erred: …" (issue 12): a new version, shown beside the citation and in the corrections log. */
export function ErratumForm({ action, id, version, citations }: TProps) {
  const { state, formAction, isPending, generation, error, text } = useActionForm(action, { sourceId: "", erratum: "" }, { showsConflicts: true });
  return (
    <form key={generation} action={formAction} className="space-y-3">
      <FormOutcome state={state} conflicts="plain" title="Not marked" labelFor={(path) => (path === "sourceId" ? "Citation" : "What the source got wrong")} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <Select name="sourceId" label="Citation" defaultValue={text("sourceId") || citations[0]?.sourceId} error={error("sourceId")}>
        {citations.map((citation) => (
          <option key={citation.sourceId} value={citation.sourceId}>
            {citation.label}
          </option>
        ))}
      </Select>
      <Textarea
        name="erratum"
        label="What the source got wrong"
        rows={3}
        hint="Readers see “The source erred: …” beside the citation, and the corrections log lists it. The entry's own facts stay as they are."
        defaultValue={text("erratum")}
        error={error("erratum")}
      />
      <Button type="submit" variant="secondary" disabled={isPending}>
        Mark the source&apos;s error
      </Button>
    </form>
  );
}
