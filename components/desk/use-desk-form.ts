"use client";

import { useActionState, useState } from "react";
import type { TActionResult, TActionState } from "@/lib/server/action";
import { errorAt, failureOf } from "./form-state";

/** A desk form's server action: it redirects on success, so it never returns data. */
export type TDeskAction = (state: TActionState<never>, formData: FormData) => Promise<TActionResult<never>>;

/**
 * The state of a desk form posting to a server action: the refusal (if any), the values to show
 * (what was submitted after a refusal, else the record's), an error lookup, and a generation that
 * changes with every answer so the form can remount its uncontrolled fields with those values.
 */
export function useDeskForm<TValues>(action: TDeskAction, initial: TValues) {
  const [state, formAction, isPending] = useActionState(action, null);
  const [rendered, setRendered] = useState({ state, generation: 0 });
  if (rendered.state !== state) setRendered({ state, generation: rendered.generation + 1 });
  const failure = failureOf(state);
  const conflict = failure?.code === "CONFLICT" && failure.details.current ? failure : null;
  return {
    formAction,
    isPending,
    failure,
    conflict,
    generation: rendered.generation,
    values: (failure ? failure.values : initial) as unknown,
    error: (path: string) => errorAt(failure, path),
  };
}
