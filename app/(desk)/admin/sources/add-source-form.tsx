"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SOURCE_KIND_LABELS } from "@/lib/domain/source-kinds";
import { addSource } from "./actions";
import { FormOutcome, fieldError, shownValue } from "../_components/form-outcome";

/** Registers a source from its link; a link already registered (in any of its shared forms) leads to that source. */
export function AddSourceForm() {
  const [state, action, isPending] = useActionState(addSource, null);
  const error = (path: string) => fieldError(state, path);
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
      <Input id="add-url" name="url" label="Link" type="url" required defaultValue={shownValue(state, "url", "")} error={error("url")}
        hint="Tracking parameters (utm_…, fbclid …) and fragments are dropped; a link already registered is found, not added again." />
      <div className="grid gap-3 sm:grid-cols-2">
        <Input id="add-title" name="title" label="Title" defaultValue={shownValue(state, "title", "")} error={error("title")} />
        <Input id="add-publisher" name="publisher" label="Publisher" defaultValue={shownValue(state, "publisher", "")} error={error("publisher")} />
        <Select id="add-kind" name="kind" label="Kind" defaultValue={shownValue(state, "kind", "NEWS")} error={error("kind")}>
          {Object.entries(SOURCE_KIND_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
        <Input id="add-published" name="publishedOn" label="Published on" type="date" optional defaultValue={shownValue(state, "publishedOn", "")} error={error("publishedOn")} />
      </div>
      <Button type="submit" disabled={isPending}>
        Add source
      </Button>
    </form>
  );
}
