import type { ComponentPropsWithRef, ReactNode } from "react";
import { CONTROL_CLASSES, describedBy, Field, fieldId } from "./field";

type TSelectProps = Omit<ComponentPropsWithRef<"select">, "id"> & {
  name: string;
  label: ReactNode;
  id?: string;
  hint?: ReactNode;
  error?: string | null;
  optional?: boolean;
  fieldClassName?: string;
  children: ReactNode;
};

/** A labelled native select (keyboard and screen-reader friendly as it is) with its hint and error. */
export function Select({ name, label, id, hint, error, optional, fieldClassName, className, children, ...props }: TSelectProps) {
  const controlId = id ?? fieldId(name);
  return (
    <Field id={controlId} label={label} hint={hint} error={error} optional={optional} className={fieldClassName}>
      <select id={controlId} name={name} className={`${CONTROL_CLASSES} ${className ?? ""}`} {...describedBy(controlId, { hint, error })} {...props}>
        {children}
      </select>
    </Field>
  );
}
