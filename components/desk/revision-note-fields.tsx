import { CORRECTION_TYPES, CORRECTION_TYPE_LABELS, EDIT_KINDS, EDIT_KIND_HINTS, REVISION_KIND_LABELS } from "@/lib/domain/corrections";
import { MAX_REASON_LENGTH } from "@/lib/schemas/status-change";
import { FieldGroup, fieldId } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";

type TProps = { values: { changeKind: string; correctionType: string; reason: string }; error: (path: string) => string | undefined };

/**
 * Why a published entry is being edited (issue 12): readers see the kind, the type of a
 * correction and the reason on the entry's public revisions and in the corrections log.
 */
export function RevisionNoteFields({ values, error }: TProps) {
  return (
    <section aria-labelledby="why-heading" className="space-y-4 rounded border border-rule p-4">
      <h2 id="why-heading" className="font-serif text-xl font-bold">
        Why this published entry changes
      </h2>
      <FieldGroup id={fieldId("changeKind")} legend="Kind of change" error={error("changeKind")}>
        {EDIT_KINDS.map((kind) => (
          <div key={kind} className="flex items-start gap-2">
            {/* The label names the kind; the hint is its description, so the radio's accessible name stays short. */}
            <input
              type="radio"
              id={`changeKind-${kind}`}
              name="changeKind"
              value={kind}
              defaultChecked={values.changeKind === kind}
              aria-describedby={`changeKind-${kind}-hint`}
              className="mt-1 h-4 w-4"
            />
            <span>
              <label htmlFor={`changeKind-${kind}`} className="font-semibold">
                {REVISION_KIND_LABELS[kind]}
              </label>
              : <span id={`changeKind-${kind}-hint`}>{EDIT_KIND_HINTS[kind]}</span>
            </span>
          </div>
        ))}
      </FieldGroup>
      <Select name="correctionType" label="What the correction puts right" optional hint="Only for a correction." defaultValue={values.correctionType} error={error("correctionType")}>
        <option value="">Choose…</option>
        {CORRECTION_TYPES.map((type) => (
          <option key={type} value={type}>
            {CORRECTION_TYPE_LABELS[type]}
          </option>
        ))}
      </Select>
      <Textarea name="reason" label="Reason" rows={3} maxLength={MAX_REASON_LENGTH} hint="Readers see it as written: what was wrong and how you know." defaultValue={values.reason} error={error("reason")} />
    </section>
  );
}
