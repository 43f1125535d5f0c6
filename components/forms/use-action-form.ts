"use client";

import { useActionState, useState } from "react";
import { conflictOf, errorAt, failureOf, isShowingSubmitted, textAt, type TFormAction } from "./form-state";

/**
 * The state of a form posting to a server action (every desk and admin form): the answer, the
 * refusal (if any), the values to show (what was submitted after a refusal, else `initial`), an
 * error lookup, and a generation that changes with every answer so a form can remount its
 * uncontrolled fields with those values. Without JavaScript the server renders the same state.
 * `showsConflicts`: the form shows a stale save's conflict beside their version (the desk's), and
 * keeps your typing; other forms show the current version with a note to check it.
 */
export function useActionForm<TData>(action: TFormAction<TData>, initial: unknown = {}, { showsConflicts = false }: { showsConflicts?: boolean } = {}) {
  const [state, formAction, isPending] = useActionState(action, null);
  const [rendered, setRendered] = useState({ state, generation: 0 });
  if (rendered.state !== state) setRendered({ state, generation: rendered.generation + 1 });
  const failure = failureOf(state);
  const isSubmittedShown = isShowingSubmitted(failure, { showsConflicts });
  const values: unknown = isSubmittedShown && failure ? failure.values : initial;
  return {
    state,
    formAction,
    isPending,
    failure,
    /** A conflict to show beside their version (forms that show conflicts only). */
    conflict: showsConflicts ? conflictOf(failure) : null,
    generation: rendered.generation,
    values,
    error: (path: string) => errorAt(failure, path),
    /** A text field's value: the submitted one after a refusal, else `stored`. */
    shown: (path: string, stored: string) => (isSubmittedShown && failure && typeof failure.values[path] === "string" ? (failure.values[path] as string) : stored),
    text: (path: string) => textAt(values, path),
  };
}
