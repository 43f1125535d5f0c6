"use client";

import { useEffect, useId, useRef } from "react";
import { fieldIdForPath } from "./field";

export type TErrorSummaryItem = { path: string; label: string; message: string };

/**
 * The failure of a form, at its top: what went wrong and a link to each field that needs
 * attention. It takes focus when it appears, so keyboard and screen-reader users land on it.
 */
export function ErrorSummary({ title, message, items }: { title?: string; message: string; items: TErrorSummaryItem[] }) {
  const summary = useRef<HTMLDivElement>(null);
  // Several forms share a page (a source's grade, edit and retire forms): ids must not repeat.
  const titleId = useId();
  useEffect(() => {
    summary.current?.focus();
  }, [message, items.length]);
  return (
    <div ref={summary} tabIndex={-1} role="alert" aria-labelledby={titleId} className="rounded border-2 border-red-700 bg-red-50 p-4 text-red-900">
      <h2 id={titleId} className="font-semibold">
        {title ?? "Nothing was saved"}
      </h2>
      <p className="mt-1">{message}</p>
      {items.length > 0 && (
        <ul className="mt-2 list-disc pl-6">
          {items.map((item) => (
            <li key={item.path}>
              <a href={`#${fieldIdForPath(item.path)}`} className="text-red-900 underline">
                {item.label}
              </a>
              : {item.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
