import { EntryState, type Status } from "../generated/prisma/enums";

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

/** The status in effect, the change that set it and the instant it took effect. */
export interface CurrentStatus {
  changeId: string;
  status: Status;
  since: Date;
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

function effectiveTime(change: StatusHistoryEntry): number {
  return (change.effectiveAt ?? change.occurredAt).getTime();
}

// A change plays a part at `now` once it has happened by then: it occurred, or (for a change
// recorded retroactively) it took effect. Until then it is the future, even if logged today.
function hasHappenedBy(change: StatusHistoryEntry, now: number): boolean {
  return change.occurredAt.getTime() <= now || effectiveTime(change) <= now;
}

// Later effective time wins; ties go to the later occurrence, then the later record, then the id,
// so the outcome never depends on the order the database returned the rows in.
function compareChronologically(left: StatusHistoryEntry, right: StatusHistoryEntry): number {
  return (
    effectiveTime(left) - effectiveTime(right) ||
    left.occurredAt.getTime() - right.occurredAt.getTime() ||
    left.createdAt.getTime() - right.createdAt.getTime() ||
    (left.id < right.id ? -1 : left.id > right.id ? 1 : 0)
  );
}

/**
 * Derives the current status, the pending deadlines and the cancelled schedules from a history.
 *
 * - Only PUBLISHED changes count; DRAFT and RETRACTED ones are ignored entirely, including any
 *   cancellation a retracted change made.
 * - A change's effective time is effectiveAt ?? occurredAt.
 * - A change S with effectiveAt is cancelled by a counting change C with C.cancelsId === S.id
 *   whose effective time is at or before S.effectiveAt, once C has happened (occurred or taken
 *   effect) by `now`. A cancelled change is never current nor pending; a change that takes effect
 *   after S.effectiveAt does not cancel S, it simply follows it. Self-references are ignored.
 * - Pending: counting, not cancelled, happened by `now`, with effectiveAt later than `now`;
 *   soonest first.
 * - Current: the counting, non-cancelled change with the greatest effective time at or before
 *   `now`; ties broken by occurredAt, then createdAt, then id (later wins). None means unknown.
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
  const current = standing
    .filter((change) => effectiveTime(change) <= at)
    .reduce<StatusHistoryEntry | null>(
      (latest, change) => (latest === null || compareChronologically(change, latest) > 0 ? change : latest),
      null,
    );
  const pending = standing
    .filter((change) => effectiveTime(change) > at && change.effectiveAt !== null && hasHappenedBy(change, at))
    .sort(compareChronologically)
    .map((change) => ({ changeId: change.id, status: change.status, effectiveAt: new Date(effectiveTime(change)) }));
  const cancelled = counting
    .filter((change) => cancellerOf.has(change.id))
    .sort(compareChronologically)
    .map((change) => ({ changeId: change.id, cancelledById: cancellerOf.get(change.id)!.id }));

  return {
    current: current && { changeId: current.id, status: current.status, since: new Date(effectiveTime(current)) },
    pending,
    cancelled,
  };
}

/**
 * What the history says about the instant `at`, as known now: every change published today
 * counts, even one logged or published after `at`, but only in its place in time (a change that
 * had not yet occurred or taken effect at `at` neither sets the status nor schedules anything).
 * To see what was known at `at`, pass only the changes published by then.
 */
export function statusAt(history: readonly StatusHistoryEntry[], at: Date): StatusDerivation {
  return deriveStatus(history, at);
}
