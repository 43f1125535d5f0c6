import type { ButtonHTMLAttributes } from "react";

const VARIANTS = {
  primary: "border-accent bg-accent text-white hover:bg-blue-800",
  secondary: "border-rule bg-white text-ink hover:bg-gray-50",
  danger: "border-red-800 bg-red-800 text-white hover:bg-red-900",
} as const;

type TButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof VARIANTS };

/** A button; type defaults to "submit" inside forms only when asked, never by accident. */
export function Button({ variant = "primary", type = "button", className, ...props }: TButtonProps) {
  return (
    <button
      type={type}
      className={`inline-flex items-center gap-1 rounded border px-4 py-2 font-semibold disabled:cursor-not-allowed disabled:opacity-60 ${VARIANTS[variant]} ${className ?? ""}`}
      {...props}
    />
  );
}
