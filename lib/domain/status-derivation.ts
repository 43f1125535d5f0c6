import { EntryState, type Status } from "../generated/prisma/enums";
import { compareChronologically, effectiveTimeOf } from "./status-order";

/** One logged status change, with just the fields the derivation reads. */
export interface StatusHistoryEntry {
  id: string;
  status: Status;
  state: EntryState;
  occurredAt: Date;
  /** When the new status takes effect, if not when the change occurred; may lie in the future. */
  effectiveAt: Date | null;
  /** A scheduled change that this one stops from taking effect. */
  cancelsId: string | null;
  createdAt: Date;
}

/** The status in effect, the change that set it, and since when it has been so without a break. */
export interface CurrentStatus {
  changeId: string;
  status: Status;
  /** The start of the uninterrupted run of this status: a later change restating it does not move it. */
  since: Date;
  /** The change in effect when that run began (`changeId` itself when it began it). */
  sinceChangeId: string;
}

/** A scheduled change: a deadline ahead, not yet the status. */
export interface PendingStatusChange {
  changeId: string;
  status: Status;
  effectiveAt: Date;
}

/** A scheduled change that did not and will not take effect, and the change that stopped it. */
export interface CancelledStatusChange {
  changeId: string;
  cancelledById: string;
}

/** What a history says at one instant. */
export interface StatusDerivation {
  current: CurrentStatus | null;
  pending: PendingStatusChange[];
  cancelled: CancelledStatusChange[];
}

const effectiveTime = (change: StatusHistoryEntry) => effectiveTimeOf(change).getTime();

// A change plays a part at `now` once it has happened by then: it occurred, or (for a change
// recorded retroactively) it took effect. Until then it is the future, even if logged today.
function hasHappenedBy(change: StatusHistoryEntry, now: number): boolean {
  return change.occurredAt.getTime() <= now || effectiveTime(change) <= now;
}

/**
 * The change that began the run of the last change's status, in a chronologically sorted,
 * non-empty list of the changes in effect. Only the last change at an instant was ever in effect
 * (earlier ones there were overtaken at once and interrupt nothing). Walking back over those, a
 * change of the same status moves the start back to it; one of another status ends the run.
 */
function runStartOf(inEffect: readonly StatusHistoryEntry[]): StatusHistoryEntry {
  const last = inEffect.at(-1)!;
  let start = last;
  for (let index = inEffect.length - 2; index >= 0; index--) {
    const change = inEffect[index]!;
    if (effectiveTime(change) === effectiveTime(inEffect[index + 1]!)) continue;
    if (change.status !== last.status) break;
    start = change;
  }
  return start;
}

/**
 * Derives the current status, the pending deadlines and the cancelled schedules from a history,
 * as it stood at `now` as known today: every change passed in counts, even one logged after `now`,
 * but only in its place in time (a change that had not yet occurred or taken effect at `now`
 * neither sets the status nor schedules anything). To see what was known at an instant, pass only
 * the changes published by then.
 *
 * - Only PUBLISHED changes count; DRAFT and RETRACTED ones are ignored entirely, including any
 *   cancellation a retracted change made.
 * - A change's effective time is effectiveTimeOf (effectiveAt ?? occurredAt); the order is
 *   compareChronologically (lib/domain/status-order.ts).
 * - A change S with effectiveAt is cancelled by a counting change C with C.cancelsId === S.id
 *   whose effective time is at or before S.effectiveAt, once C has happened (occurred or taken
 *   effect) by `now`. A cancelled change is never current nor pending; a change that takes effect
 *   after S.effectiveAt does not cancel S, it simply follows it. Self-references are ignored.
 * - Pending: counting, not cancelled, happened by `now`, with effectiveAt later than `now`;
 *   soonest first.
 * - Current: the counting, non-cancelled change with the greatest effective time at or before
 *   `now`; ties broken by occurredAt, then createdAt, then id (later wins). None means unknown.
 *   Its `since` is the start of the uninterrupted run of its status (runStartOf).
 */
export function deriveStatus(history: readonly StatusHistoryEntry[], now: Date): StatusDerivation {
  const at = now.getTime();
  const counting = history.filter((change) => change.state === EntryState.PUBLISHED);
  const byId = new Map(counting.map((change) => [change.id, change]));

  const cancellerOf = new Map<string, StatusHistoryEntry>();
  for (const canceller of [...counting].sort(compareChronologically)) {
    const target = canceller.cancelsId === null ? undefined : byId.get(canceller.cancelsId);
    if (!target?.effectiveAt || target.id === canceller.id || cancellerOf.has(target.id)) continue;
    if (effectiveTime(canceller) <= target.effectiveAt.getTime() && hasHappenedBy(canceller, at)) {
      cancellerOf.set(target.id, canceller);
    }
  }

  const standing = counting.filter((change) => !cancellerOf.has(change.id));
  const inEffect = standing.filter((change) => effectiveTime(change) <= at).sort(compareChronologically);
  const current = inEffect.at(-1) ?? null;
  const runStart = current && runStartOf(inEffect);
  const pending = standing
    .filter((change) => effectiveTime(change) > at && change.effectiveAt !== null && hasHappenedBy(change, at))
    .sort(compareChronologically)
    .map((change) => ({ changeId: change.id, status: change.status, effectiveAt: new Date(effectiveTime(change)) }));
  const cancelled = counting
    .filter((change) => cancellerOf.has(change.id))
    .sort(compareChronologically)
    .map((change) => ({ changeId: change.id, cancelledById: cancellerOf.get(change.id)!.id }));

  return {
    current: current && runStart && { changeId: current.id, status: current.status, since: effectiveTimeOf(runStart), sinceChangeId: runStart.id },
    pending,
    cancelled,
  };
}
