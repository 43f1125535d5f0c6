import type { ReactNode } from "react";
import type { TActionState } from "@/lib/server/action";

/**
 * The outcome of an admin form at its top: the refusal (role=alert) or a confirmation
 * (role=status). Field errors are shown beside their fields by the form itself.
 */
export function FormOutcome({ state, success }: { state: TActionState<unknown>; success?: ReactNode }) {
  if (!state) return null;
  if (!state.ok) {
    return (
      <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
        {state.error}
        {state.code === "CONFLICT" && typeof state.details.currentVersion === "number" && (
          <> The page now shows the current version; check it and try again.</>
        )}
      </p>
    );
  }
  if (!success) return null;
  return (
    <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-sm text-green-900">
      {success}
    </p>
  );
}

/** The first error at a field's dotted path, from a refused submission. */
export function fieldError(state: TActionState<unknown>, path: string): string | undefined {
  return state && !state.ok ? state.fieldErrors[path]?.[0] : undefined;
}

/** What a field shows: the submitted value after a refusal (a refused form is not wiped), else the stored one. */
export function shownValue(state: TActionState<unknown>, name: string, stored: string): string {
  if (state && !state.ok && state.code !== "CONFLICT") {
    const value = state.values[name];
    if (typeof value === "string") return value;
  }
  return stored;
}
