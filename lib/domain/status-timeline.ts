import { EntryState, type Status } from "../generated/prisma/enums";
import { deriveStatus, type StatusHistoryEntry } from "./status-derivation";
import { compareChronologically, effectiveTimeOf } from "./status-order";

/** A stretch of time in one status: from `from` until `to` (null: still so at `now`). */
export interface StatusBand {
  status: Status;
  from: Date;
  to: Date | null;
  /** The change that began the band. */
  changeId: string;
}

/** A status scheduled to begin later than `now` (a pending deadline), drawn apart from the record. */
export interface ScheduledBand {
  status: Status;
  from: Date;
  changeId: string;
}

/** What a timeline shows: the bands up to `now` and the scheduled ones after it. */
export interface StatusTimeline {
  bands: StatusBand[];
  scheduled: ScheduledBand[];
}

const effectiveTime = (change: StatusHistoryEntry) => effectiveTimeOf(change).getTime();

/**
 * The status bands of a history as known at `now`: at every instant t up to `now`, the band
 * covering t has the status deriveStatus(history, t) reports (the unit tests hold it to that). Only
 * published, non-cancelled changes draw bands; consecutive bands of one status are merged, and a
 * change overtaken at the same instant draws none. Pending changes become scheduled bands.
 * The last band begins where deriveStatus's current.since says (the unit tests hold that too).
 */
export function statusTimeline(history: readonly StatusHistoryEntry[], now: Date): StatusTimeline {
  const at = now.getTime();
  const derivation = deriveStatus(history, now);
  const cancelled = new Set(derivation.cancelled.map((entry) => entry.changeId));
  const standing = history
    .filter((change) => change.state === EntryState.PUBLISHED && !cancelled.has(change.id) && effectiveTime(change) <= at)
    .sort(compareChronologically);

  const bands: StatusBand[] = [];
  standing.forEach((change, index) => {
    const from = effectiveTime(change);
    const next = standing[index + 1];
    const to = next ? effectiveTime(next) : null;
    if (to !== null && to === from) return;
    const previous = bands.at(-1);
    if (previous && previous.status === change.status && previous.to?.getTime() === from) {
      previous.to = to === null ? null : new Date(to);
      return;
    }
    bands.push({ status: change.status, from: new Date(from), to: to === null ? null : new Date(to), changeId: change.id });
  });

  const scheduled = derivation.pending.map((entry) => ({ status: entry.status, from: entry.effectiveAt, changeId: entry.changeId }));
  return { bands, scheduled };
}
