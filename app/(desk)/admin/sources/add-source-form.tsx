"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SOURCE_KIND_LABELS } from "@/lib/domain/source-kinds";
import { addSource } from "./actions";
import { FormOutcome } from "@/components/forms/form-outcome";
import { useActionForm } from "@/components/forms/use-action-form";

/** Registers a source from its link; a link already registered (in any of its shared forms) leads to that source. */
export function AddSourceForm() {
  const form = useActionForm(addSource);
  const { state, formAction: action, isPending } = form;
  return (
    <form action={action} className="mt-3 space-y-3" noValidate>
      <FormOutcome
        state={state}
        success={
          state?.ok &&
          (state.data.isNew ? (
            <>
              Added <Link href={`/admin/sources/${state.data.id}`}>{state.data.title}</Link>. It is ungraded (F) until you grade it.
            </>
          ) : (
            <>
              This link is already in the registry as <Link href={`/admin/sources/${state.data.id}`}>{state.data.title}</Link> (
              <code className="break-all">{state.data.url}</code>): nothing was added.
            </>
          ))
        }
      />
      <Input id="add-url" name="url" label="Link" type="url" required defaultValue={form.shown("url", "")} error={form.error("url")}
        hint="Tracking parameters (utm_…, fbclid …) and fragments are dropped; a link already registered is found, not added again." />
      <div className="grid gap-3 sm:grid-cols-2">
        <Input id="add-title" name="title" label="Title" defaultValue={form.shown("title", "")} error={form.error("title")} />
        <Input id="add-publisher" name="publisher" label="Publisher" defaultValue={form.shown("publisher", "")} error={form.error("publisher")} />
        <Select id="add-kind" name="kind" label="Kind" defaultValue={form.shown("kind", "NEWS")} error={form.error("kind")}>
          {Object.entries(SOURCE_KIND_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
        <Input id="add-published" name="publishedOn" label="Published on" type="date" optional defaultValue={form.shown("publishedOn", "")} error={form.error("publishedOn")} />
      </div>
      <Button type="submit" disabled={isPending}>
        Add source
      </Button>
    </form>
  );
}
