"use client";

import type { ReactNode } from "react";
import { FormOutcome } from "@/components/forms/form-outcome";
import { rowsAt, textAt, type TFormAction } from "@/components/forms/form-state";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { ConflictPanel } from "./conflict-panel";
import { TimeZoneOptions } from "./time-zone-options";

type TOption = { value: string; label: string };

const LABELS: Record<string, string> = {
  subject: "About",
  partyCode: "Party",
  speaker: "Who said it",
  quote: "Words, as published",
  quoteLanguage: "Language of the words",
  translation: "English translation",
  translationLanguage: "Language of the translation",
  translationNote: "Whose translation",
  statedOn: "Said on",
  timeZone: "Time zone",
  "citations.0.url": "Source link",
  "citations.0.title": "Source title",
  "citations.0.publisher": "Source publisher",
  "citations.0.locator": "Locator",
  "citations.1.url": "Source link",
  supersedesVersion: "Version of the superseded position",
};
const labelFor = (path: string) => LABELS[path] ?? path;

/** The words of a position, who said them and when, and the one source they are quoted from. */
function WordsFields({ values, error, timeZones }: { values: unknown; error: (path: string) => string | undefined; timeZones: string[] }) {
  const source = rowsAt(values, "citations")[0] ?? {};
  const sourceText = (field: string) => (typeof source[field] === "string" ? (source[field] as string) : "");
  return (
    <>
      <Input name="speaker" label="Who said it" hint="As the source names them: “Hiroshige Seko, Minister of Economy, Trade and Industry”." defaultValue={textAt(values, "speaker")} error={error("speaker")} />
      <div className="grid gap-4 md:grid-cols-[3fr_1fr]">
        <Textarea name="quote" label="Words, as published" rows={3} hint="Verbatim, in the language the statement was published in." defaultValue={textAt(values, "quote")} error={error("quote")} />
        <Input name="quoteLanguage" label="Language of the words" hint="ja, ko, en…" defaultValue={textAt(values, "quoteLanguage")} error={error("quoteLanguage")} />
      </div>
      <div className="grid gap-4 md:grid-cols-[3fr_1fr]">
        <Textarea name="translation" label="English translation" optional rows={3} hint="When the words are not in English." defaultValue={textAt(values, "translation")} error={error("translation")} />
        <Input name="translationLanguage" label="Language of the translation" optional hint="en unless you say otherwise." defaultValue={textAt(values, "translationLanguage")} error={error("translationLanguage")} />
      </div>
      <Input name="translationNote" label="Whose translation" optional hint="“Pactwatch's translation”, “unofficial translation by Cheong Wa Dae”…" defaultValue={textAt(values, "translationNote")} error={error("translationNote")} />
      <div className="grid gap-4 md:grid-cols-2">
        <Input name="statedOn" label="Said on" hint="YYYY-MM-DD, YYYY-MM or YYYY, as precisely as the source says." defaultValue={textAt(values, "statedOn")} error={error("statedOn")} />
        <Select name="timeZone" label="Time zone" hint="Where the date falls." defaultValue={textAt(values, "timeZone") || "UTC"} error={error("timeZone")}>
          <TimeZoneOptions zones={timeZones} current={textAt(values, "timeZone")} />
        </Select>
      </div>
      <fieldset className="space-y-3 rounded border border-rule p-3">
        <legend className="px-1 font-semibold">Source</legend>
        <p className="text-sm text-muted">Paste the link of a registry source (a copy with tracking parameters finds it too); a new link is added to the registry with the title and publisher below.</p>
        <Input name="citations[0][url]" label="Source link" type="url" defaultValue={sourceText("url")} error={error("citations.0.url")} />
        <div className="grid gap-4 md:grid-cols-2">
          <Input name="citations[0][title]" label="Title of a new source" optional defaultValue={sourceText("title")} error={error("citations.0.title")} />
          <Input name="citations[0][publisher]" label="Publisher of a new source" optional defaultValue={sourceText("publisher")} error={error("citations.0.publisher")} />
        </div>
        <Input name="citations[0][locator]" label="Locator" optional hint="Paragraph, page or timestamp." defaultValue={sourceText("locator")} error={error("citations.0.locator")} />
      </fieldset>
    </>
  );
}

/** Adds a party's position on a subject, or (with `supersedes`) supersedes one of the same party. */
export function AddPositionForm({
  action,
  subject,
  parties,
  supersedes,
  timeZones,
  initial,
  children,
}: {
  action: TFormAction<never>;
  subject: string;
  parties: TOption[];
  supersedes?: { id: string; version: number; partyCode: string };
  timeZones: string[];
  initial: Record<string, unknown>;
  children?: ReactNode;
}) {
  const { state, formAction, isPending, generation, values, error, conflict } = useActionForm(action, initial, { showsConflicts: Boolean(supersedes) });
  const theirs = conflict?.details.current as Record<string, string> | undefined;
  return (
    <div className="space-y-6">
      {conflict && theirs && (
        <ConflictPanel
          savedBy={(conflict.details.savedBy as string | null) ?? null}
          savedAt={(conflict.details.savedAt as string | null) ?? null}
          fields={["speaker", "quote", "statedOn"].map((field) => ({ label: LABELS[field]!, theirs: theirs[field] ?? "", yours: textAt(values, field) }))}
        >
          <p className="mt-3">Nothing of yours was saved. Open the position again to supersede it as it stands now.</p>
        </ConflictPanel>
      )}
      <FormOutcome state={state} title={supersedes ? "The position was not superseded" : "The position was not added"} labelFor={labelFor} conflicts={supersedes ? "beside" : undefined} />
      <form key={generation} action={formAction} noValidate className="space-y-6">
        <input type="hidden" name="subject" value={subject} />
        {supersedes ? (
          <>
            <input type="hidden" name="partyCode" value={supersedes.partyCode} />
            <input type="hidden" name="supersedesId" value={supersedes.id} />
            <input type="hidden" name="supersedesVersion" value={String(supersedes.version)} />
          </>
        ) : (
          <Select name="partyCode" label="Party" hint="Whose position this is: one of the parties to it." defaultValue={textAt(values, "partyCode")} error={error("partyCode")}>
            <option value="">Choose…</option>
            {parties.map((party) => (
              <option key={party.value} value={party.value}>
                {party.label}
              </option>
            ))}
          </Select>
        )}
        {children}
        <WordsFields values={values} error={error} timeZones={timeZones} />
        <Button type="submit" disabled={isPending}>
          {supersedes ? "Supersede the position" : "Add the position"}
        </Button>
      </form>
    </div>
  );
}

/** Corrects what a position says, at the version it was opened at; a save meanwhile is shown beside yours. */
export function EditPositionForm({ action, id, version, timeZones, initial }: { action: TFormAction<never>; id: string; version: number; timeZones: string[]; initial: Record<string, unknown> }) {
  const { state, formAction, isPending, generation, values, error, conflict } = useActionForm(action, initial, { showsConflicts: true });
  const theirs = conflict?.details.current as Record<string, unknown> | undefined;
  const shownVersion = conflict ? String(conflict.details.currentVersion) : String(version);
  return (
    <div className="space-y-6">
      {conflict && theirs && (
        <ConflictPanel
          savedBy={(conflict.details.savedBy as string | null) ?? null}
          savedAt={(conflict.details.savedAt as string | null) ?? null}
          fields={["speaker", "quote", "quoteLanguage", "translation", "statedOn", "timeZone"].map((field) => ({ label: LABELS[field]!, theirs: textAt(theirs, field), yours: textAt(values, field) }))}
        >
          <p className="mt-3">Their version is saved. Submit the form again to save yours over it, or leave this page.</p>
        </ConflictPanel>
      )}
      <FormOutcome state={state} title="The position was not saved" labelFor={labelFor} conflicts="beside" />
      <form key={generation} action={formAction} noValidate className="space-y-6">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="version" value={shownVersion} />
        <WordsFields values={values} error={error} timeZones={timeZones} />
        <Button type="submit" disabled={isPending}>
          Save the position
        </Button>
      </form>
    </div>
  );
}
