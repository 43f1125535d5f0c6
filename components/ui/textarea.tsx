import type { ComponentPropsWithRef, ReactNode } from "react";
import { CONTROL_CLASSES, describedBy, Field, fieldId } from "./field";

type TTextareaProps = Omit<ComponentPropsWithRef<"textarea">, "id"> & {
  name: string;
  label: ReactNode;
  id?: string;
  hint?: ReactNode;
  error?: string | null;
  optional?: boolean;
  fieldClassName?: string;
};

/** A labelled multi-line text field with its hint and error. */
export function Textarea({ name, label, id, hint, error, optional, fieldClassName, className, rows = 4, ...props }: TTextareaProps) {
  const controlId = id ?? fieldId(name);
  return (
    <Field id={controlId} label={label} hint={hint} error={error} optional={optional} className={fieldClassName}>
      <textarea id={controlId} name={name} rows={rows} className={`${CONTROL_CLASSES} ${className ?? ""}`} {...describedBy(controlId, { hint, error })} {...props} />
    </Field>
  );
}
