import type { ReactNode } from "react";

/** The id a control gets from its form name: "citations[0][url]" → "citations-0-url". */
export function fieldId(name: string): string {
  return name.replace(/[[\].]+/g, "-").replace(/-+$/, "");
}

/** The id of the control for an error path as the server reports it: "citations.0.url" → "citations-0-url". */
export function fieldIdForPath(path: string): string {
  return path.replace(/\./g, "-");
}

/** aria attributes tying a control to its hint and its error, so screen readers read both. */
export function describedBy(id: string, { hint, error }: { hint?: ReactNode; error?: string | null }) {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return {
    "aria-describedby": ids.length > 0 ? ids.join(" ") : undefined,
    "aria-invalid": error ? (true as const) : undefined,
  };
}

export type TFieldProps = {
  /** The control's id; the label points at it. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  /** Shows "(optional)" after the label. */
  optional?: boolean;
  className?: string;
  children: ReactNode;
};

/** A label, an optional hint, the control, and the error beside it (CONVENTIONS §5). */
export function Field({ id, label, hint, error, optional, className, children }: TFieldProps) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-semibold">
        {label}
        {optional && <span className="font-normal text-muted"> (optional)</span>}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      )}
      <div className="mt-1">{children}</div>
      <FieldError id={id} error={error} />
    </div>
  );
}

/** The error text of a control, with the id describedBy points at. */
export function FieldError({ id, error }: { id: string; error?: string | null }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
      <span aria-hidden="true">✖ </span>
      {error}
    </p>
  );
}

/** A group of controls under one legend (checkboxes, a repeated row), with its own hint and error. */
export function FieldGroup({ id, legend, hint, error, className, children }: { id: string; legend: ReactNode; hint?: ReactNode; error?: string | null; className?: string; children: ReactNode }) {
  return (
    <fieldset id={id} className={className} {...describedBy(id, { hint, error })}>
      <legend className="font-semibold">{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      )}
      <div className="mt-1">{children}</div>
      <FieldError id={id} error={error} />
    </fieldset>
  );
}

/** Tailwind classes shared by text-like controls; a red border when invalid. */
export const CONTROL_CLASSES =
  "w-full rounded border border-rule bg-white px-3 py-2 aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700 disabled:bg-gray-100";
