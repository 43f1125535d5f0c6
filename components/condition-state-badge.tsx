import { CONDITION_STATE_ICONS, CONDITION_STATE_LABELS } from "@/lib/domain/condition-states";
import type { ConditionState } from "@/lib/generated/prisma/enums";

// Each state has its own sign and its word: colour only repeats what they say.
const TONE: Record<ConditionState, string> = {
  HOLDING: "border-amber-700 bg-amber-50 text-amber-900",
  MET: "border-green-700 bg-green-50 text-green-900",
  BREACHED: "border-red-700 bg-red-50 text-red-900",
  LAPSED: "border-gray-600 bg-gray-100 text-gray-900",
  WITHDRAWN: "border-gray-600 bg-gray-100 text-gray-900",
};

/** A condition's state as a sign and a word. */
export function ConditionStateBadge({ state }: { state: ConditionState }) {
  return (
    <span className={`inline-flex items-center gap-1 rounded border px-1.5 py-0.5 text-xs font-semibold ${TONE[state]}`}>
      <span aria-hidden="true">{CONDITION_STATE_ICONS[state]}</span>
      {CONDITION_STATE_LABELS[state]}
    </span>
  );
}
