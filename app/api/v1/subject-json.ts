import "server-only";
import type { StatusDerivation } from "@/lib/domain/status-derivation";
import type { StatusTimeline } from "@/lib/domain/status-timeline";

/** A subject's derived status, schedules and status bands, as the API gives them. */
export function subjectStatusJson(subject: { status: StatusDerivation; timeline: StatusTimeline; skeletonTruncated: boolean }) {
  const { current, pending, cancelled } = subject.status;
  return {
    status: {
      current: current && { status: current.status, since: current.since.toISOString(), changeId: current.changeId },
      pending: pending.map((entry) => ({ status: entry.status, effectiveAt: entry.effectiveAt.toISOString(), changeId: entry.changeId })),
      // Cancelled schedules among the skeleton (the latest few hundred changes and those still ahead).
      cancelled,
    },
    timeline: {
      bands: subject.timeline.bands.map((band) => ({ status: band.status, from: band.from.toISOString(), to: band.to?.toISOString() ?? null, changeId: band.changeId })),
      scheduled: subject.timeline.scheduled.map((band) => ({ status: band.status, from: band.from.toISOString(), changeId: band.changeId })),
      /** True when the bands start at the latest few hundred changes, not the first: the history API has every one. */
      startsLater: subject.skeletonTruncated,
    },
  };
}
