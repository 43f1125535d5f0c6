"use client";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { SOURCE_KIND_LABELS } from "@/lib/domain/source-kinds";
import { editSource } from "../actions";
import { FormOutcome } from "@/components/forms/form-outcome";
import { useActionForm } from "@/components/forms/use-action-form";

export type TEditableSource = {
  id: string;
  version: number;
  url: string;
  title: string;
  publisher: string;
  authors: string[];
  publishedOn: string;
  accessedOn: string;
  kind: string;
  language: string;
  archiveUrl: string;
};

/** Every descriptive field of a source, saved together against the version the page showed. */
export function EditSourceForm({ source }: { source: TEditableSource }) {
  const form = useActionForm(editSource);
  const { state, formAction: action, isPending } = form;
  const value = (name: keyof TEditableSource, stored: string) => form.shown(name, stored);
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormOutcome state={state} success="Saved." />
      <input type="hidden" name="id" value={source.id} />
      <input type="hidden" name="version" value={source.version} />
      <Input id="edit-url" name="url" label="Link" type="url" required defaultValue={value("url", source.url)} error={form.error("url")}
        hint="Stored in canonical form. If another source already has this link, merge the two instead." />
      <Input id="edit-title" name="title" label="Title" required defaultValue={value("title", source.title)} error={form.error("title")} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Input id="edit-publisher" name="publisher" label="Publisher" required defaultValue={value("publisher", source.publisher)} error={form.error("publisher")} />
        <Select id="edit-kind" name="kind" label="Kind" defaultValue={value("kind", source.kind)} error={form.error("kind")}>
          {Object.entries(SOURCE_KIND_LABELS).map(([kind, label]) => (
            <option key={kind} value={kind}>
              {label}
            </option>
          ))}
        </Select>
        <Input id="edit-published" name="publishedOn" label="Published on" type="date" optional defaultValue={value("publishedOn", source.publishedOn)} error={form.error("publishedOn")} />
        <Input id="edit-accessed" name="accessedOn" label="Last read on" type="date" optional defaultValue={value("accessedOn", source.accessedOn)} error={form.error("accessedOn")} />
        <Input id="edit-language" name="language" label="Language" required defaultValue={value("language", source.language)} error={form.error("language")} hint="A short code: en, ko, ja" />
      </div>
      <Textarea id="edit-authors" name="authors" label="Authors" optional rows={3} defaultValue={value("authors", source.authors.join("\n"))} error={form.error("authors")} hint="One per line" />
      <Input id="edit-archive" name="archiveUrl" label="Archived copy" type="url" optional defaultValue={value("archiveUrl", source.archiveUrl)} error={form.error("archiveUrl")}
        hint="A copy in a web archive (web.archive.org, archive.today) for when the link dies; readers are offered it beside the link." />
      <Button type="submit" disabled={isPending}>
        Save changes
      </Button>
    </form>
  );
}
