import type { TActionState } from "@/lib/server/action";
import type { TErrorSummaryItem } from "@/components/ui/error-summary";

export type TFailure = Extract<NonNullable<TActionState<unknown>>, { ok: false }>;

/** The refusal in an action's state, or null before the first submission and after a success. */
export function failureOf(state: TActionState<unknown>): TFailure | null {
  return state && !state.ok ? state : null;
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
