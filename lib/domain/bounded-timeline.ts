import { deriveStatus } from "./status-derivation";
import { statusTimeline, type StatusTimeline } from "./status-timeline";
import type { StatusHistoryEntry } from "./status-derivation";

const effectiveTime = (change: StatusHistoryEntry) => (change.effectiveAt ?? change.occurredAt).getTime();

/**
 * The timeline of a bounded skeleton (the latest changes of a long history plus older ones the
 * status rules need, marked `inWindow: false`). Bands before the oldest standing change of the
 * window cannot be known from it, so the timeline starts there: from that instant on its bands
 * are those of the whole history. Returns the changes to draw as markers (from the same instant).
 * With `truncated` false the skeleton is the whole history and nothing is cut.
 */
export function boundedTimeline<TChange extends StatusHistoryEntry & { inWindow?: boolean }>(
  skeleton: readonly TChange[],
  truncated: boolean,
  now: Date,
): { timeline: StatusTimeline; changes: TChange[] } {
  const timeline = statusTimeline(skeleton, now);
  if (!truncated) return { timeline, changes: [...skeleton] };
  const derivation = deriveStatus(skeleton, now);
  const cancelled = new Set(derivation.cancelled.map((entry) => entry.changeId));
  // The current status's change is always held; when every change of the window lies ahead, the picture starts with it.
  const known = (change: TChange) => change.inWindow !== false || change.id === derivation.current?.changeId;
  const standing = skeleton.filter((change) => known(change) && !cancelled.has(change.id) && effectiveTime(change) <= now.getTime());
  if (standing.length === 0) return { timeline: { bands: [], scheduled: timeline.scheduled }, changes: skeleton.filter(known) };
  const start = Math.min(...standing.map(effectiveTime));
  const bands = timeline.bands
    .filter((band) => band.to === null || band.to.getTime() > start)
    .map((band) => (band.from.getTime() < start ? { ...band, from: new Date(start) } : band));
  const changes = skeleton.filter((change) => change.inWindow !== false || effectiveTime(change) >= start);
  return { timeline: { bands, scheduled: timeline.scheduled }, changes };
}
