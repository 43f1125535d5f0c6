import type { ComponentPropsWithRef, ReactNode } from "react";
import { CONTROL_CLASSES, describedBy, Field, FieldError, fieldId } from "./field";

type TInputProps = Omit<ComponentPropsWithRef<"input">, "id"> & {
  name: string;
  label: ReactNode;
  id?: string;
  hint?: ReactNode;
  error?: string | null;
  optional?: boolean;
  fieldClassName?: string;
};

/** A labelled text-like input with its hint and error. */
export function Input({ name, label, id, hint, error, optional, fieldClassName, className, ...props }: TInputProps) {
  const controlId = id ?? fieldId(name);
  return (
    <Field id={controlId} label={label} hint={hint} error={error} optional={optional} className={fieldClassName}>
      <input id={controlId} name={name} className={`${CONTROL_CLASSES} ${className ?? ""}`} {...describedBy(controlId, { hint, error })} {...props} />
    </Field>
  );
}

type TCheckboxProps = Omit<ComponentPropsWithRef<"input">, "id" | "type"> & {
  name: string;
  label: ReactNode;
  id?: string;
  hint?: ReactNode;
  error?: string | null;
  fieldClassName?: string;
};

/** A checkbox with its label beside it, its hint and its error. */
export function Checkbox({ name, label, id, hint, error, fieldClassName, ...props }: TCheckboxProps) {
  const controlId = id ?? fieldId(name);
  return (
    <div className={fieldClassName}>
      <div className="flex items-start gap-2">
        <input id={controlId} type="checkbox" name={name} className="mt-1 h-4 w-4" {...describedBy(controlId, { hint, error })} {...props} />
        <label htmlFor={controlId} className="font-semibold">
          {label}
        </label>
      </div>
      {hint && (
        <p id={`${controlId}-hint`} className="ml-6 text-sm text-muted">
          {hint}
        </p>
      )}
      <FieldError id={controlId} error={error} />
    </div>
  );
}
