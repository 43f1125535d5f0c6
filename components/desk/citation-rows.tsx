"use client";

import { useRef, useState } from "react";
import { CREDIBILITY_GRADES } from "@/lib/domain/admiralty-grades";
import type { TCitationFormValues } from "@/lib/server/status-changes/status-change-form-values";
import { Button } from "@/components/ui/button";
import { fieldId } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { SourcePicker } from "./source-picker";
import { useHydrated } from "./use-hydrated";

const SOURCE_KINDS = [
  ["NEWS", "News report"],
  ["GOVERNMENT", "Government statement"],
  ["TREATY_TEXT", "Treaty text"],
  ["ANALYSIS", "Analysis"],
  ["OTHER", "Other"],
] as const;

type TRow = { key: number; values: Partial<TCitationFormValues> };

const isBlank = (row: Partial<TCitationFormValues>) => !row.url && !row.sourceId && !row.title && !row.publisher && !row.quote && !row.quoteOriginal && !row.locator;

function CitationRow({ index, row, errorAt, onRemove }: { index: number; row: TRow; errorAt: (path: string) => string | undefined; onRemove?: () => void }) {
  const name = (field: string) => `citations[${index}][${field}]`;
  const error = (field: string) => errorAt(`citations.${index}.${field}`);
  // "Add at least one citation" belongs to no row: the first row's link is the field to fill in.
  const linkError = error("url") ?? (index === 0 ? errorAt("citations") : undefined);
  const urlInput = useRef<HTMLInputElement>(null);
  const sourceIdInput = useRef<HTMLInputElement>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const legend = `Citation ${index + 1}`;
  const isHydrated = useHydrated();
  return (
    <fieldset className="space-y-3 rounded border border-rule bg-white p-3" aria-labelledby={`${fieldId(name("legend"))}`}>
      <legend id={fieldId(name("legend"))} className="px-1 font-semibold">
        {legend}
      </legend>
      <input ref={sourceIdInput} type="hidden" name={name("sourceId")} defaultValue={row.values.sourceId ?? ""} />
      {isHydrated && (
        <SourcePicker
          rowLabel={legend}
          onPick={(source) => {
            if (urlInput.current) urlInput.current.value = source.url;
            if (sourceIdInput.current) sourceIdInput.current.value = source.id;
            setPicked(`${source.publisher}, “${source.title}”`);
          }}
        />
      )}
      <Input
        ref={urlInput}
        name={name("url")}
        label="Link"
        type="url"
        inputMode="url"
        hint="Paste the article's address. A link already in the registry finds its source, even with tracking parameters or a #fragment."
        defaultValue={row.values.url ?? ""}
        error={linkError}
        onChange={() => {
          if (sourceIdInput.current) sourceIdInput.current.value = "";
          setPicked(null);
        }}
      />
      {picked && (
        <p className="text-sm text-status-active" role="status">
          <span aria-hidden="true">✔ </span>In the registry: {picked}
        </p>
      )}
      <div className="grid gap-3 md:grid-cols-2">
        <Input name={name("title")} label="Title of a new source" optional defaultValue={row.values.title ?? ""} error={error("title")} />
        <Input name={name("publisher")} label="Publisher of a new source" optional defaultValue={row.values.publisher ?? ""} error={error("publisher")} />
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer">More about a new source (kind, publication date)</summary>
        <div className="mt-2 grid gap-3 md:grid-cols-2">
          <Select name={name("kind")} label="Kind of source" defaultValue={row.values.kind || "NEWS"} error={error("kind")}>
            {SOURCE_KINDS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
          <Input name={name("publishedOn")} label="Published on" optional placeholder="YYYY-MM-DD" defaultValue={row.values.publishedOn ?? ""} error={error("publishedOn")} />
        </div>
      </details>
      <Textarea name={name("quote")} label="Quote" optional rows={3} hint="Verbatim, in English (a translation if the source is not)." defaultValue={row.values.quote ?? ""} error={error("quote")} />
      <details className="text-sm" open={Boolean(row.values.quoteOriginal || error("quoteOriginal") || error("quoteLanguage"))}>
        <summary className="cursor-pointer">Quote in the original language (when the source is not in English)</summary>
        <div className="mt-2 grid gap-3 md:grid-cols-[1fr_12rem]">
          <Textarea name={name("quoteOriginal")} label="Original wording" optional rows={2} defaultValue={row.values.quoteOriginal ?? ""} error={error("quoteOriginal")} />
          <Input name={name("quoteLanguage")} label="Language" optional placeholder="ko, ja …" defaultValue={row.values.quoteLanguage ?? ""} error={error("quoteLanguage")} />
        </div>
      </details>
      <div className="grid gap-3 md:grid-cols-2">
        <Input name={name("locator")} label="Locator" optional hint="Paragraph, page or timestamp." defaultValue={row.values.locator ?? ""} error={error("locator")} />
        <Select name={name("credibility")} label="Credibility of what it says here" defaultValue={row.values.credibility || "6"} error={error("credibility")}>
          {([1, 2, 3, 4, 5, 6] as const).map((grade) => (
            <option key={grade} value={grade}>
              {grade}: {CREDIBILITY_GRADES[grade].label}
            </option>
          ))}
        </Select>
      </div>
      {isHydrated && onRemove && (
        <Button variant="secondary" onClick={onRemove}>
          Remove {legend.toLowerCase()}
        </Button>
      )}
    </fieldset>
  );
}

/**
 * The citation rows of the development form. Without JavaScript the form shows one blank row more
 * than was filled in (at least two); with it, rows can be added and removed.
 */
export function CitationRows({ initial, errorAt }: { initial: Partial<TCitationFormValues>[]; errorAt: (path: string) => string | undefined }) {
  // Rows keep their numbers (errors point at them), so only blank rows at the end are dropped.
  const filled = initial.slice(0, initial.findLastIndex((row) => !isBlank(row)) + 1);
  const blankRows = Math.max(1, 2 - filled.length);
  const [rows, setRows] = useState<TRow[]>(() => [...filled, ...Array.from({ length: blankRows }, () => ({}))].map((values, key) => ({ key, values })));
  const [nextKey, setNextKey] = useState(rows.length);
  const isHydrated = useHydrated();
  return (
    <div className="space-y-4">
      {rows.map((row, index) => (
        <CitationRow
          key={row.key}
          index={index}
          row={row}
          errorAt={errorAt}
          onRemove={rows.length > 1 ? () => setRows((current) => current.filter((candidate) => candidate.key !== row.key)) : undefined}
        />
      ))}
      {isHydrated ? (
        <Button
          variant="secondary"
          onClick={() => {
            setRows((current) => [...current, { key: nextKey, values: {} }]);
            setNextKey((key) => key + 1);
          }}
        >
          Add another citation
        </Button>
      ) : (
        <p className="text-sm text-muted">Need more rows? Save a draft: each save adds an empty row.</p>
      )}
    </div>
  );
}
