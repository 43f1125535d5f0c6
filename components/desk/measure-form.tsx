"use client";

import { LINK_TYPE_LABELS } from "@/lib/schemas/link";
import type { TPartyOption, TSubjectOptions } from "@/lib/server/desk/list-desk-options";
import { Button } from "@/components/ui/button";
import { FieldGroup } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { listAt, rowsAt, textAt } from "@/components/forms/form-state";
import { RecordFormNotices, RecordKeyFields, RepeatedSelect } from "./record-form-frame";
import { TimeZoneOptions } from "./time-zone-options";
import type { TFormAction } from "@/components/forms/form-state";
import { useActionForm } from "@/components/forms/use-action-form";

const MEASURE_TYPES = [
  ["EXPORT_CONTROL", "Export control"],
  ["TARIFF", "Tariff"],
  ["PREFERENTIAL_LIST_REMOVAL", "Removal from a preferential list"],
  ["IMPORT_RESTRICTION", "Import restriction"],
  ["SANCTION", "Sanction"],
  ["OTHER", "Other"],
] as const;

const LABELS: Record<string, string> = {
  title: "Title",
  imposingPartyCode: "Imposed by",
  targetPartyCodes: "Targets",
  measureType: "Type",
  products: "Products affected",
  hsCodes: "HS codes",
  announcedOn: "Announced on",
  effectiveOn: "Takes effect on",
  timeZone: "Time zone",
  summary: "Summary",
  links: "Links",
};

function labelFor(path: string): string {
  const link = /^links\.(\d+)\.(\w+)$/.exec(path);
  if (link) return `Link ${Number(link[1]) + 1}: ${link[2] === "target" ? "related item" : link[2]}`;
  return LABELS[path] ?? path;
}

export type TLinkRow = { type: string; target: string; note: string };

function linkSummary(rows: Record<string, unknown>[]): string {
  return rows
    .filter((row) => typeof row.target === "string" && row.target !== "")
    .map((row) => `${LINK_TYPE_LABELS[row.type as keyof typeof LINK_TYPE_LABELS] ?? row.type} ${String(row.target)}${row.note ? ` (${String(row.note)})` : ""}`)
    .join("\n");
}

/** Creating or editing a trade measure: parties, type, products, dates, and links to related measures and agreements. */
export function MeasureForm({
  action,
  initial,
  parties,
  subjects,
  timeZones,
  record,
}: {
  action: TFormAction<never>;
  initial: Record<string, unknown>;
  parties: TPartyOption[];
  subjects: TSubjectOptions;
  timeZones: string[];
  record?: { key: string; version: number };
}) {
  const { formAction, isPending, failure, generation, values, error } = useActionForm(action, initial, { showsConflicts: true });
  const links = rowsAt(values, "links");
  const linkRows = [...links, {}];
  return (
    <div className="space-y-6">
      <RecordFormNotices
        failure={failure}
        labelFor={labelFor}
        reloadHref={record ? `/desk/measures/${record.key}/edit` : undefined}
        conflictFields={(theirs) =>
          Object.entries(LABELS).map(([field, label]) => ({
            label,
            theirs: field === "links" ? linkSummary(rowsAt(theirs, field)) : Array.isArray(theirs[field]) ? (theirs[field] as string[]).join(", ") : textAt(theirs, field),
            yours: field === "links" ? linkSummary(links) : field === "targetPartyCodes" ? listAt(values, field).join(", ") : textAt(values, field),
          }))
        }
      />
      <form key={generation} action={formAction} noValidate className="max-w-3xl space-y-4">
        <RecordKeyFields record={record} failure={failure} />
        <Input name="title" label="Title" defaultValue={textAt(values, "title")} error={error("title")} hint="“Japan tightens export controls on three chemicals to South Korea”. The address is made from it once." />
        <div className="grid gap-4 md:grid-cols-2">
          <Select name="imposingPartyCode" label="Imposed by" defaultValue={textAt(values, "imposingPartyCode")} error={error("imposingPartyCode")}>
            <option value="">Choose…</option>
            {parties.map((party) => (
              <option key={party.value} value={party.value}>
                {party.label}
              </option>
            ))}
          </Select>
          <Select name="measureType" label="Type" defaultValue={textAt(values, "measureType")} error={error("measureType")}>
            <option value="">Choose…</option>
            {MEASURE_TYPES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </div>
        <RepeatedSelect name="targetPartyCodes" legend="Targets" hint="At least one." error={error("targetPartyCodes")} options={parties} selected={listAt(values, "targetPartyCodes")} minimum={1} />
        <Textarea name="products" label="Products affected" optional rows={3} defaultValue={textAt(values, "products")} error={error("products")} />
        <Input name="hsCodes" label="HS codes" optional hint="Separated by commas: 2811.11, 3707.90" defaultValue={textAt(values, "hsCodes")} error={error("hsCodes")} />
        <div className="grid gap-4 md:grid-cols-3">
          <Input name="announcedOn" label="Announced on" optional type="date" defaultValue={textAt(values, "announcedOn")} error={error("announcedOn")} />
          <Input name="effectiveOn" label="Takes effect on" optional type="date" defaultValue={textAt(values, "effectiveOn")} error={error("effectiveOn")} />
          <Select name="timeZone" label="Time zone" defaultValue={textAt(values, "timeZone") || "UTC"} error={error("timeZone")}>
            <TimeZoneOptions zones={timeZones} current={textAt(values, "timeZone")} />
          </Select>
        </div>
        <Textarea name="summary" label="Summary" optional rows={5} defaultValue={textAt(values, "summary")} error={error("summary")} />
        <FieldGroup id="links" legend="Related measures and agreements" hint="This measure … the item chosen: “is a retaliation for” Japan's removal of South Korea from its white list." error={error("links")}>
          <div className="space-y-3">
            {linkRows.map((row, index) => (
              <div key={index} className="grid gap-2 rounded border border-rule bg-white p-2 md:grid-cols-3">
                <Select name={`links[${index}][type]`} label={`Link ${index + 1}: relation`} defaultValue={textAt(row, "type") || "RELATED"} error={error(`links.${index}.type`)}>
                  {Object.entries(LINK_TYPE_LABELS).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </Select>
                <Select name={`links[${index}][target]`} label={`Link ${index + 1}: related item`} defaultValue={textAt(row, "target")} error={error(`links.${index}.target`)}>
                  <option value="">None</option>
                  <optgroup label="Agreements">
                    {subjects.agreements.map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </optgroup>
                  <optgroup label="Trade measures">
                    {subjects.measures
                      .filter((option) => option.slug !== record?.key)
                      .map((option) => (
                        <option key={option.value} value={option.value}>
                          {option.label}
                        </option>
                      ))}
                  </optgroup>
                </Select>
                <Input name={`links[${index}][note]`} label={`Link ${index + 1}: note`} optional defaultValue={textAt(row, "note")} error={error(`links.${index}.note`)} />
              </div>
            ))}
          </div>
        </FieldGroup>
        <Button type="submit" disabled={isPending}>
          {record ? (failure?.code === "CONFLICT" ? "Save my version over theirs" : "Save changes") : "Create trade measure"}
        </Button>
      </form>
    </div>
  );
}
