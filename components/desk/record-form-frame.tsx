"use client";

import type { ReactNode } from "react";
import { FormOutcome } from "@/components/forms/form-outcome";
import { ConflictPanel, type TConflictField } from "./conflict-panel";
import type { TFailure } from "@/components/forms/form-state";

/** What every record form shows above its fields: the conflict with their version, or the error summary. */
export function RecordFormNotices({
  failure,
  conflictFields,
  labelFor,
  reloadHref,
}: {
  failure: TFailure | null;
  conflictFields: (theirs: Record<string, unknown>) => TConflictField[];
  labelFor: (path: string) => string;
  reloadHref?: string;
}): ReactNode {
  if (!failure) return null;
  if (failure.code === "CONFLICT" && failure.details.current) {
    return (
      <ConflictPanel
        savedBy={(failure.details.savedBy as string | null) ?? null}
        savedAt={(failure.details.savedAt as string | null) ?? null}
        fields={conflictFields(failure.details.current as Record<string, unknown>)}
      >
        <p className="mt-3">
          {reloadHref && <a href={reloadHref} className="underline">Discard mine and edit their version</a>}
          {reloadHref ? ", or change the form below and save it over theirs." : "Change the form below and save it over theirs."}
        </p>
      </ConflictPanel>
    );
  }
  return <FormOutcome state={failure} labelFor={labelFor} conflicts="plain" />;
}

/** A record form's hidden key and version; after a conflict, the version becomes theirs so a deliberate save can replace it. */
export function RecordKeyFields({ record, failure }: { record?: { key: string; version: number }; failure: TFailure | null }) {
  if (!record) return null;
  const version = failure?.code === "CONFLICT" && failure.details.currentVersion ? String(failure.details.currentVersion) : failure ? String(failure.values.version ?? record.version) : String(record.version);
  return (
    <>
      <input type="hidden" name="key" value={record.key} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}

/** Several selects of one name (parties), one more than filled in; empty ones are ignored by the server. */
export function RepeatedSelect({
  name,
  legend,
  hint,
  error,
  options,
  selected,
  minimum,
}: {
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  options: { value: string; label: string }[];
  selected: string[];
  minimum: number;
}) {
  const count = Math.max(minimum, selected.length + 1);
  return (
    <fieldset id={name} className="space-y-2" aria-describedby={[hint ? `${name}-hint` : "", error ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined}>
      <legend className="font-semibold">{legend}</legend>
      {hint && (
        <p id={`${name}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      )}
      {Array.from({ length: count }, (_, index) => (
        <div key={index}>
          <label htmlFor={`${name}-${index}`} className="sr-only">
            {legend} {index + 1}
          </label>
          <select
            id={`${name}-${index}`}
            name={name}
            defaultValue={selected[index] ?? ""}
            aria-invalid={error ? true : undefined}
            className="w-full rounded border border-rule bg-white px-3 py-2 aria-[invalid=true]:border-red-700"
          >
            <option value="">{index < minimum ? "Choose…" : "Another (optional)…"}</option>
            {options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      {error && (
        <p id={`${name}-error`} className="text-sm font-medium text-red-800">
          <span aria-hidden="true">✖ </span>
          {error}
        </p>
      )}
    </fieldset>
  );
}
