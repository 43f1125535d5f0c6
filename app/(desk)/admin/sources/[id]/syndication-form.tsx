"use client";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { setSyndication } from "../actions";
import { FormOutcome } from "@/components/forms/form-outcome";
import { useActionForm } from "@/components/forms/use-action-form";

type TSource = { id: string; version: number; publisherGroup: string | null; syndicatedFrom: { id: string; title: string; publisher: string } | null };

/** Who the source's report comes from: its publisher's owner or wire group, and the source it carries (both count once towards corroboration). */
export function SyndicationForm({ source }: { source: TSource }) {
  const form = useActionForm(setSyndication);
  const { state, formAction: action, isPending } = form;
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormOutcome state={state} success={state?.ok && "Saved: corroboration counts this source with its group and the source it carries."} />
      <input type="hidden" name="id" value={source.id} />
      <input type="hidden" name="version" value={source.version} />
      <Input id="syndication-group" name="publisherGroup" label="Publisher group (owner or wire agency)" optional
        defaultValue={form.shown("publisherGroup", source.publisherGroup ?? "")} error={form.error("publisherGroup")}
        hint="Sources of one group count once, e.g. “Yonhap” for Yonhap and its English service." />
      <Input id="syndication-from" name="syndicatedFromId" label="Carries the report of (source id)" optional
        defaultValue={form.shown("syndicatedFromId", source.syndicatedFrom?.id ?? "")} error={form.error("syndicatedFromId")}
        hint={source.syndicatedFrom ? `Now: “${source.syndicatedFrom.title}” (${source.syndicatedFrom.publisher}). Empty it to clear.` : "The id at the end of the carried source's registry address, /admin/sources/…; empty when the source reports on its own."} />
      <Button type="submit" disabled={isPending}>
        Save syndication
      </Button>
    </form>
  );
}
