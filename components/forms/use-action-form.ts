"use client";

import { useActionState, useState } from "react";
import { conflictOf, errorAt, failureOf, isShowingSubmitted, textAt, type TFormAction } from "./form-state";

/**
 * The state of a form posting to a server action (every desk and admin form): the answer, the
 * refusal (if any), the values to show (what was submitted after a refusal, else `initial`), an
 * error lookup, and a generation that changes with every answer so a form can remount its
 * uncontrolled fields with those values. Without JavaScript the server renders the same state.
 */
export function useActionForm<TData>(action: TFormAction<TData>, initial: unknown = {}) {
  const [state, formAction, isPending] = useActionState(action, null);
  const [rendered, setRendered] = useState({ state, generation: 0 });
  if (rendered.state !== state) setRendered({ state, generation: rendered.generation + 1 });
  const failure = failureOf(state);
  const values: unknown = isShowingSubmitted(failure) ? failure.values : initial;
  return {
    state,
    formAction,
    isPending,
    failure,
    conflict: conflictOf(failure),
    generation: rendered.generation,
    values,
    error: (path: string) => errorAt(failure, path),
    /** A text field's value: the submitted one after a refusal, else `stored`. */
    shown: (path: string, stored: string) => (isShowingSubmitted(failure) && typeof failure.values[path] === "string" ? (failure.values[path] as string) : stored),
    text: (path: string) => textAt(values, path),
  };
}
