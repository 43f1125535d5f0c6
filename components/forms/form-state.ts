// The one form-state module (with use-action-form.ts and form-outcome.tsx beside it): every desk
// and admin form reads its server action's answer through these helpers. Pure and client-safe.
import type { TActionResult, TActionState } from "@/lib/server/action";
import type { TErrorSummaryItem } from "@/components/ui/error-summary";

/** A form's outcome as defineAction returns it: `{ ok: true, data }` or `{ ok: false, error, fieldErrors, … }`. */
export type TFormOutcome<TData> = TActionResult<TData>;
/** useActionState's state: null before the first submission. */
export type TFormState<TData> = TActionState<TData>;
export type TFailure = Extract<TFormOutcome<unknown>, { ok: false }>;
/** A server action a form posts to. */
export type TFormAction<TData> = (state: TFormState<TData>, formData: FormData) => Promise<TFormOutcome<TData>>;

/** The refusal in an action's state, or null before the first submission and after a success. */
export function failureOf(state: TFormState<unknown>): TFailure | null {
  return state && !state.ok ? state : null;
}

/** A conflict the form shows side by side (their saved version is in the answer), else null. */
export function conflictOf(failure: TFailure | null): TFailure | null {
  return failure?.code === "CONFLICT" && failure.details.current ? failure : null;
}

/**
 * Whether a form shows what was submitted rather than the stored values: after a refusal (a
 * refused form is not wiped), except after a stale save answered with the current version, when
 * the form does not show their version beside yours: the page now holds the current version, and
 * the form shows it to be checked and saved again.
 */
export function isShowingSubmitted(failure: TFailure | null, { showsConflicts = false }: { showsConflicts?: boolean } = {}): failure is TFailure {
  if (!failure) return false;
  if (failure.code === "CONFLICT" && failure.details.currentVersion !== undefined) return showsConflicts && Boolean(failure.details.current);
  return true;
}

/** The first error at a dotted path ("citations.0.url"). */
export function errorAt(failure: TFailure | null, path: string): string | undefined {
  return failure?.fieldErrors[path]?.[0];
}

/** The value at a dotted path of submitted or stored values. */
export function valueAt(values: unknown, path: string): unknown {
  let current: unknown = values;
  for (const key of path.split(".")) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** A value as a form field shows it; "" when absent. */
export function textAt(values: unknown, path: string): string {
  const value = valueAt(values, path);
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
}

/** Several values of one field (a multiple select, checkboxes). */
export function listAt(values: unknown, path: string): string[] {
  const value = valueAt(values, path);
  if (Array.isArray(value)) return value.filter((entry): entry is string => typeof entry === "string");
  return typeof value === "string" && value !== "" ? [value] : [];
}

/** Rows of a repeated group, also when the form parser made an object of them. */
export function rowsAt(values: unknown, path: string): Record<string, unknown>[] {
  const value = valueAt(values, path);
  const rows = Array.isArray(value) ? value : value && typeof value === "object" ? Object.values(value) : [];
  return rows.filter((row): row is Record<string, unknown> => Boolean(row) && typeof row === "object");
}

/** The error summary's lines, labelled by a function that names each field for people. */
export function summaryItems(failure: TFailure | null, labelFor: (path: string) => string): TErrorSummaryItem[] {
  if (!failure) return [];
  return Object.entries(failure.fieldErrors)
    .filter(([, messages]) => messages.length > 0)
    .map(([path, messages]) => ({ path, label: labelFor(path), message: messages[0] as string }));
}
