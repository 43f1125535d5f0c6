import type { ReactNode } from "react";

// Filters are plain GET forms: the state lives in the address, so every view can be bookmarked,
// shared and used without JavaScript.

export function FilterForm({ action, label, children, errors, clearHref = action }: {
  action: string;
  label: string;
  children: ReactNode;
  errors?: Record<string, string>;
  /** Where "Clear filters" leads: the list itself, at the reading's asOf when it has one. */
  clearHref?: string;
}) {
  const messages = Object.entries(errors ?? {});
  return (
    <form method="get" action={action} role="search" aria-label={label} className="mb-6 rounded border border-rule bg-white p-4">
      {messages.length > 0 && (
        <div role="alert" className="mb-3 rounded bg-amber-50 p-2 text-sm text-amber-900">
          <p className="font-semibold">Some filters were ignored:</p>
          <ul className="list-disc pl-6">
            {messages.map(([field, message]) => (
              <li key={field}>
                {field}: {message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">{children}</div>
      <div className="mt-3 flex flex-wrap items-center gap-4">
        <button type="submit" className="rounded bg-accent px-4 py-1.5 font-semibold text-white">
          Apply
        </button>
        <a href={clearHref} className="text-sm">
          Clear filters
        </a>
      </div>
    </form>
  );
}

export function TextField({ name, label, value, placeholder, hint, wide }: { name: string; label: string; value?: string; placeholder?: string; hint?: string; wide?: boolean }) {
  return (
    <label className={`flex flex-col gap-1 text-sm ${wide ? "sm:col-span-2" : ""}`}>
      <span className="font-semibold">{label}</span>
      <input type="text" name={name} defaultValue={value ?? ""} placeholder={placeholder} className="rounded border border-rule px-2 py-1" />
      {hint && <span className="text-xs text-muted">{hint}</span>}
    </label>
  );
}

export function SelectField({ name, label, value, options, anyLabel = "Any" }: {
  name: string;
  label: string;
  value?: string;
  options: readonly { value: string; label: string }[];
  anyLabel?: string | null;
}) {
  return (
    <label className="flex flex-col gap-1 text-sm">
      <span className="font-semibold">{label}</span>
      <select name={name} defaultValue={value ?? ""} className="rounded border border-rule bg-white px-2 py-1">
        {anyLabel !== null && <option value="">{anyLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Labels for enum values: "EXPORT_CONTROL" → "Export control". */
export function humanize(value: string): string {
  const text = value.toLowerCase().replaceAll("_", " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function enumOptions(values: readonly string[], labels?: Readonly<Record<string, string>>) {
  return values.map((value) => ({ value, label: labels?.[value] ?? humanize(value) }));
}
