import type { ReactNode } from "react";

/** A confirmation carried across a redirect (?notice=…), shown at the top of the page. */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="mb-4 rounded border border-green-300 bg-green-50 p-3 text-sm text-green-900">
      {children}
    </p>
  );
}
