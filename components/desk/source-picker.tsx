"use client";

import { useEffect, useId, useState } from "react";
import { searchSourcesAction } from "@/app/(desk)/desk/sources/actions";

type TFoundSource = { id: string; url: string; title: string; publisher: string; reliability: string; retiredAt: Date | string | null; retiredReason: string | null };

async function search(query: string): Promise<TFoundSource[]> {
  const form = new FormData();
  form.set("q", query);
  const result = await searchSourcesAction(null, form);
  return result.ok ? (result.data as TFoundSource[]) : [];
}

/**
 * Search-as-you-type over the source registry for one citation row (only with JavaScript; without
 * it, pasting a link finds a registered source all the same). Picking a source fills the row's
 * link and remembers the source's id.
 */
export function SourcePicker({ rowLabel, onPick }: { rowLabel: string; onPick: (source: TFoundSource) => void }) {
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<TFoundSource[]>([]);
  const [status, setStatus] = useState("");
  const id = useId();

  useEffect(() => {
    const text = query.trim();
    if (text.length < 2) {
      setResults([]);
      setStatus("");
      return;
    }
    let isCurrent = true;
    const timer = setTimeout(async () => {
      const found = await search(text);
      if (!isCurrent) return;
      setResults(found);
      setStatus(found.length === 0 ? "No source in the registry matches: paste its link below." : `${found.length} source${found.length === 1 ? "" : "s"} found.`);
    }, 250);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [query]);

  return (
    <div className="rounded border border-dashed border-rule p-2">
      <label htmlFor={`${id}-search`} className="block text-sm font-semibold">
        Find a source in the registry
      </label>
      <input
        id={`${id}-search`}
        type="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        placeholder="Title, publisher or link"
        aria-describedby={`${id}-status`}
        aria-controls={results.length > 0 ? `${id}-results` : undefined}
        autoComplete="off"
        className="mt-1 w-full rounded border border-rule bg-white px-3 py-1"
      />
      <p id={`${id}-status`} role="status" className="text-sm text-muted">
        {status}
      </p>
      {results.length > 0 && (
        <ul id={`${id}-results`} aria-label={`Sources found for ${rowLabel}`} className="mt-1 space-y-1">
          {results.map((source) => (
            <li key={source.id}>
              {/* A retired source is shown (an analyst looking for it learns why it is gone) but cannot be
                  picked; the server refuses it as well, for a pasted link or a request made by hand. */}
              <button
                type="button"
                disabled={Boolean(source.retiredAt)}
                aria-describedby={source.retiredAt ? `${id}-retired-${source.id}` : undefined}
                className="w-full rounded border border-rule bg-white px-2 py-1 text-left text-sm hover:bg-blue-50 disabled:cursor-not-allowed disabled:bg-gray-100 disabled:hover:bg-gray-100"
                onClick={() => {
                  onPick(source);
                  setQuery("");
                  setStatus(`Picked “${source.title}” (${source.publisher}).`);
                }}
              >
                <span className="font-semibold">{source.publisher}</span>, <span className="italic">{source.title}</span>
                <span className="block truncate text-muted">{source.url}</span>
              </button>
              {source.retiredAt && (
                <p id={`${id}-retired-${source.id}`} className="text-sm text-red-800">
                  Retired, cannot be cited anew{source.retiredReason ? `: ${source.retiredReason}` : ""}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
