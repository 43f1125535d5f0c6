"use client";

import { CREDIBILITY_GRADES } from "@/lib/domain/admiralty-grades";
import { DIRECTION_LABELS, STATUS_LABELS, STATUSES_BY_SUBJECT_KIND, type SubjectKind } from "@/lib/domain/statuses";
import type { TCitationFormValues, TStatusChangeFormValues } from "@/lib/server/status-changes/status-change-form-values";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { CitationRows } from "./citation-rows";
import { ConflictPanel, type TConflictField } from "./conflict-panel";
import { FormOutcome } from "@/components/forms/form-outcome";
import { rowsAt, textAt } from "@/components/forms/form-state";
import { RevisionNoteFields } from "./revision-note-fields";
import { TimeZoneOptions } from "./time-zone-options";
import type { TFormAction } from "@/components/forms/form-state";
import { useActionForm } from "@/components/forms/use-action-form";

export type TStatusChangeFormProps = {
  action: TFormAction<never>;
  /** The agreement or measure: "agreement:gsomia", its kind and its name. */
  subject: { value: string; kind: SubjectKind; name: string };
  initial: TStatusChangeFormValues;
  /** Published scheduled changes of the subject this development may cancel. */
  cancellable: { id: string; label: string }[];
  timeZones: string[];
  /** Absent when logging; the entry's id, version and state when editing. */
  entry?: { id: string; version: number; state: "DRAFT" | "PUBLISHED" };
  /** Two-person review is on: "Publish" submits for review, and a published entry's edit is submitted (decision 034). */
  isReviewRequired?: boolean;
};

const FIELD_LABELS: Record<string, string> = {
  subject: "Subject",
  status: "New status",
  headline: "Headline",
  body: "What happened",
  occurredOn: "Occurred on",
  timeZone: "Time zone",
  effectiveAt: "Takes effect at",
  effectiveTimeZone: "Time zone of the effective time",
  direction: "Direction",
  cancelsId: "Cancels a scheduled change",
  citations: "Citations",
  version: "Version",
  changeKind: "Kind of change",
  correctionType: "What the correction puts right",
  reason: "Reason",
};

const CITATION_FIELD_LABELS: Record<string, string> = {
  url: "link",
  sourceId: "source",
  title: "title",
  publisher: "publisher",
  kind: "kind of source",
  publishedOn: "publication date",
  quote: "quote",
  locator: "locator",
  credibility: "credibility",
};

function labelFor(path: string): string {
  const citation = /^citations\.(\d+)\.(\w+)$/.exec(path);
  if (citation) return `Citation ${Number(citation[1]) + 1}: ${CITATION_FIELD_LABELS[citation[2] ?? ""] ?? citation[2]}`;
  return FIELD_LABELS[path] ?? path;
}

function citationSummary(rows: Partial<TCitationFormValues>[]): string {
  return rows
    .filter((row) => row.url || row.sourceId)
    .map((row) => [row.url || `source ${row.sourceId}`, row.quote ? `“${row.quote}”` : "", row.locator ?? "", row.credibility ? `credibility ${row.credibility}` : ""].filter(Boolean).join(" · "))
    .join("\n");
}

function conflictFields(theirs: TStatusChangeFormValues, yours: unknown): TConflictField[] {
  const status = (value: string) => STATUS_LABELS[value as keyof typeof STATUS_LABELS] ?? value;
  const direction = (value: string) => DIRECTION_LABELS[value as keyof typeof DIRECTION_LABELS] ?? value;
  return [
    { label: "New status", theirs: status(theirs.status), yours: status(textAt(yours, "status")) },
    { label: "Headline", theirs: theirs.headline, yours: textAt(yours, "headline") },
    { label: "Occurred on", theirs: `${theirs.occurredOn} (${theirs.timeZone})`, yours: `${textAt(yours, "occurredOn")} (${textAt(yours, "timeZone")})` },
    {
      label: "Takes effect at",
      theirs: theirs.effectiveAt ? `${theirs.effectiveAt} (${theirs.effectiveTimeZone || theirs.timeZone})` : "",
      yours: textAt(yours, "effectiveAt") ? `${textAt(yours, "effectiveAt")} (${textAt(yours, "effectiveTimeZone") || textAt(yours, "timeZone")})` : "",
    },
    { label: "Direction", theirs: direction(theirs.direction), yours: direction(textAt(yours, "direction")) },
    { label: "What happened", theirs: theirs.body, yours: textAt(yours, "body") },
    { label: "Citations", theirs: citationSummary(theirs.citations), yours: citationSummary(rowsAt(yours, "citations") as Partial<TCitationFormValues>[]) },
  ];
}

/**
 * The one form for logging and editing a development. It posts to a server action and works
 * without JavaScript; after a refusal it shows every error beside its field, a summary at the top,
 * and everything that was typed. A conflict shows their version beside yours.
 */
export function StatusChangeForm({ action, subject, initial, cancellable, timeZones, entry, isReviewRequired = false }: TStatusChangeFormProps) {
  // Each answer from the server remounts the fields, so they show exactly what it sent back.
  const { state, formAction, isPending, failure, conflict, generation, values, error } = useActionForm(action, initial, { showsConflicts: true });
  const theirs = conflict?.details.current as TStatusChangeFormValues | undefined;
  const isRetracted = conflict?.details.currentState === "RETRACTED";
  const version = conflict ? String(conflict.details.currentVersion) : failure ? textAt(values, "version") : String(entry?.version ?? "");
  const statuses = STATUSES_BY_SUBJECT_KIND[subject.kind];
  const citations = failure ? (rowsAt(values, "citations") as Partial<TCitationFormValues>[]) : initial.citations;
  const publishName = isReviewRequired ? "Submit for review" : "Publish";
  const buttonNames = !entry || entry.state === "DRAFT" ? { draft: "Save draft", publish: publishName } : null;

  return (
    <div className="space-y-6">
      {conflict && theirs && (
        <ConflictPanel savedBy={(conflict.details.savedBy as string | null) ?? null} savedAt={(conflict.details.savedAt as string | null) ?? null} fields={conflictFields(theirs, values)}>
          <p className="mt-3">
            {isRetracted ? (
              <>This entry was retracted{conflict.details.retractionReason ? ` (${String(conflict.details.retractionReason)})` : ""}, so it can no longer be edited.</>
            ) : (
              <>
                <a href={entry ? `/desk/entries/${entry.id}/edit` : "#"} className="underline">Discard mine and edit their version</a>, or change the form below and save it over
                theirs.
              </>
            )}
          </p>
        </ConflictPanel>
      )}
      <FormOutcome state={state} labelFor={labelFor} conflicts="beside" />

      <form key={generation} action={formAction} noValidate className="space-y-6" aria-describedby="form-subject">
        <input type="hidden" name="subject" value={subject.value} />
        {entry && <input type="hidden" name="id" value={entry.id} />}
        {entry && <input type="hidden" name="version" value={version} />}
        <p id="form-subject">
          About <strong>{subject.name}</strong> ({subject.kind === "AGREEMENT" ? "agreement" : "trade measure"})
        </p>

        <section aria-labelledby="what-heading" className="space-y-4">
          <h2 id="what-heading" className="font-serif text-xl font-bold">
            What changed
          </h2>
          <div className="grid gap-4 md:grid-cols-2">
            <Select name="status" label="New status" defaultValue={textAt(values, "status")} error={error("status")}>
              <option value="">Choose…</option>
              {statuses.map((status) => (
                <option key={status} value={status}>
                  {STATUS_LABELS[status]}
                </option>
              ))}
            </Select>
            <Select name="direction" label="Direction" defaultValue={textAt(values, "direction") || "NEUTRAL"} error={error("direction")}>
              {Object.entries(DIRECTION_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          </div>
          <Input name="headline" label="Headline" maxLength={250} defaultValue={textAt(values, "headline")} error={error("headline")} hint="One line, as a reader scanning the history should read it: “GSOMIA extended provisionally”." />
        </section>

        <section aria-labelledby="when-heading" className="space-y-4">
          <h2 id="when-heading" className="font-serif text-xl font-bold">
            When
          </h2>
          <div className="grid gap-4 md:grid-cols-2">
            <Input
              name="occurredOn"
              label="Occurred on"
              placeholder="YYYY-MM-DD"
              hint="YYYY-MM-DD, or YYYY-MM or YYYY when only the month or year is known. Not in the future."
              defaultValue={textAt(values, "occurredOn")}
              error={error("occurredOn")}
            />
            <Select name="timeZone" label="Time zone" hint="Where the date falls (Seoul for a Korean decision)." defaultValue={textAt(values, "timeZone") || "UTC"} error={error("timeZone")}>
              <TimeZoneOptions zones={timeZones} current={textAt(values, "timeZone")} />
            </Select>
            <Input
              name="effectiveAt"
              label="Takes effect at"
              optional
              type="datetime-local"
              hint="Only if the new status takes effect at another time than it occurred, such as a deadline at midnight. May be in the future."
              defaultValue={textAt(values, "effectiveAt")}
              error={error("effectiveAt")}
            />
            <Select name="effectiveTimeZone" label="Time zone of the effective time" optional defaultValue={textAt(values, "effectiveTimeZone")} error={error("effectiveTimeZone")}>
              <TimeZoneOptions zones={timeZones} current={textAt(values, "effectiveTimeZone")} emptyLabel="Same as above" />
            </Select>
          </div>
          <Select
            name="cancelsId"
            label="Cancels a scheduled change"
            optional
            hint={cancellable.length === 0 ? `${subject.name} has no published change with an effective date to cancel.` : "When this development stops a scheduled change from taking effect."}
            defaultValue={textAt(values, "cancelsId")}
            error={error("cancelsId")}
          >
            <option value="">Nothing</option>
            {cancellable.map((change) => (
              <option key={change.id} value={change.id}>
                {change.label}
              </option>
            ))}
          </Select>
        </section>

        <section aria-labelledby="body-heading" className="space-y-4">
          <h2 id="body-heading" className="sr-only">
            Details
          </h2>
          <Textarea name="body" label="What happened" optional rows={8} hint="Markdown. At most 20,000 characters." defaultValue={textAt(values, "body")} error={error("body")} />
        </section>

        <section aria-labelledby="citations-heading" className="space-y-4" id="citations" tabIndex={-1}>
          <h2 id="citations-heading" className="font-serif text-xl font-bold">
            Citations
          </h2>
          <p className="text-sm text-muted">
            At least one citation before publishing. Credibility grades what the source says here, from 1 ({CREDIBILITY_GRADES[1].label.toLowerCase()}) to 6 (
            {CREDIBILITY_GRADES[6].label.toLowerCase()}).
          </p>
          <CitationRows initial={citations} errorAt={error} />
        </section>

        {entry?.state === "PUBLISHED" && (
          <RevisionNoteFields
            values={failure ? { changeKind: textAt(values, "changeKind"), correctionType: textAt(values, "correctionType"), reason: textAt(values, "reason") } : { changeKind: "", correctionType: "", reason: "" }}
            error={error}
          />
        )}

        <div className="flex flex-wrap gap-3 border-t border-rule pt-4">
          {buttonNames ? (
            <>
              <Button type="submit" name="intent" value={entry ? "save" : "draft"} variant="secondary" disabled={isPending}>
                {buttonNames.draft}
              </Button>
              <Button type="submit" name="intent" value="publish" disabled={isPending || isRetracted}>
                {buttonNames.publish}
              </Button>
            </>
          ) : (
            <Button type="submit" name="intent" value="save" disabled={isPending || isRetracted}>
              {conflict ? "Save my version over theirs" : isReviewRequired ? "Submit changes for review" : "Save changes"}
            </Button>
          )}
          {isPending && (
            <span role="status" className="self-center text-sm text-muted">
              Saving…
            </span>
          )}
        </div>
      </form>
    </div>
  );
}
