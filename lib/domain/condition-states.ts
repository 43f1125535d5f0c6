import type { ConditionState } from "../generated/prisma/enums";

// A condition's states in words and signs: the sign is text (never colour alone), so the state
// reads the same in a screen reader, in print and without styles.

export const CONDITION_STATES = ["HOLDING", "MET", "BREACHED", "LAPSED", "WITHDRAWN"] as const satisfies readonly ConditionState[];

export const CONDITION_STATE_LABELS: Record<ConditionState, string> = {
  HOLDING: "Holding",
  MET: "Met",
  BREACHED: "Breached",
  LAPSED: "Lapsed",
  WITHDRAWN: "Withdrawn",
};

/** A sign shown beside the label (aria-hidden; the label says it in words). */
export const CONDITION_STATE_ICONS: Record<ConditionState, string> = {
  HOLDING: "◷",
  MET: "✓",
  BREACHED: "✕",
  LAPSED: "⌛",
  WITHDRAWN: "↶",
};

/** A live condition still governs its subject; met, lapsed and withdrawn ones are history. */
export function isLiveConditionState(state: ConditionState): boolean {
  return state === "HOLDING" || state === "BREACHED";
}

/** A breach escalates: it is drawn on the timelines as an escalation (decision 031). */
export function isEscalatingConditionState(state: ConditionState): boolean {
  return state === "BREACHED";
}

type TDatedState = { state: ConditionState; occurredAt: Date; createdAt: Date };

/** The current state of a condition: the latest by when it happened, then by when it was recorded. */
export function currentConditionState<T extends TDatedState>(states: readonly T[]): T | null {
  let latest: T | null = null;
  for (const entry of states) {
    if (
      !latest ||
      entry.occurredAt.getTime() > latest.occurredAt.getTime() ||
      (entry.occurredAt.getTime() === latest.occurredAt.getTime() && entry.createdAt.getTime() > latest.createdAt.getTime())
    ) {
      latest = entry;
    }
  }
  return latest;
}
