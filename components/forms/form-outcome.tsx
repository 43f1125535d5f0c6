"use client";

import type { ReactNode } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { conflictOf, failureOf, summaryItems, type TFailure, type TFormState } from "./form-state";

type TFormOutcomeProps = {
  state: TFormState<unknown>;
  /** The confirmation after a success (role=status); nothing is shown when absent. */
  success?: ReactNode;
  /** The summary's heading; "Nothing was saved" unless the form says better. */
  title?: string;
  /** Names each field for people; with it, the summary links to every field that needs attention. */
  labelFor?: (path: string) => string;
  /** The refusal's sentence, when a field's message says it better than the form's. */
  describe?: (failure: TFailure) => string;
  /**
   * How the form treats a stale save: "beside" shows it in a ConflictPanel (nothing to repeat
   * here); "reloaded" (the admin's forms) shows the current version, so the message says to check
   * it; "plain" shows the message alone.
   */
  conflicts?: "beside" | "reloaded" | "plain";
};

/**
 * The one top-of-form message of every desk and admin form (CONVENTIONS §5): the refusal, with a
 * link to each field that needs attention, or the confirmation. A conflict the form shows beside
 * their saved version is the conflict panel's, so nothing is repeated here. Field errors are shown
 * beside their fields by the form itself.
 */
export function FormOutcome({ state, success, title, labelFor, describe, conflicts = "reloaded" }: TFormOutcomeProps) {
  const failure = failureOf(state);
  if (failure) {
    if (conflicts === "beside" && conflictOf(failure)) return null;
    const isStaleSave = conflicts === "reloaded" && failure.code === "CONFLICT" && typeof failure.details.currentVersion === "number";
    const message = describe ? describe(failure) : failure.error;
    return (
      <ErrorSummary
        title={title}
        message={isStaleSave ? `${message} The page now shows the current version; check it and try again.` : message}
        items={labelFor ? summaryItems(failure, labelFor) : []}
      />
    );
  }
  if (!state?.ok || !success) return null;
  return (
    <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-sm text-green-900">
      {success}
    </p>
  );
}
