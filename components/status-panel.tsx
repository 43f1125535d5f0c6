import type { ReactNode } from "react";
import type { StatusDerivation } from "@/lib/domain/status-derivation";
import { formatInstant } from "@/lib/domain/dates";
import type { TSkeletonChange } from "@/lib/server/subject-sql";
import { CurrentStatus } from "./current-status";
import { StatusBadge } from "./status-badge";

type TProps = {
  derivation: StatusDerivation;
  /** The subject's published changes, to name the change behind each status and deadline. */
  skeleton: TSkeletonChange[];
  timeZone: string;
  /** Deadlines that do not come from scheduled changes (an agreement's notice deadline). */
  extraDeadline?: ReactNode;
  /** The subject's live conditions (components/live-conditions.tsx). */
  conditions?: ReactNode;
  /** Feed and export links. */
  children?: ReactNode;
};

/** An agreement's or a measure's current status, what set it, and its pending deadlines. */
export function StatusPanel({ derivation, skeleton, timeZone, extraDeadline, conditions, children }: TProps) {
  const { current, pending } = derivation;
  const byId = new Map(skeleton.map((change) => [change.id, change]));
  const currentChange = current ? byId.get(current.changeId) : undefined;
  // "since" is the start of the run of this status, so it is shown to that change's precision.
  const runStart = current ? byId.get(current.sinceChangeId) : undefined;
  return (
    <section aria-labelledby="status-heading" className="mt-6 rounded border border-rule bg-white p-4">
      <h2 id="status-heading" className="text-sm font-semibold uppercase tracking-wide text-muted">
        Current status
      </h2>
      <div className="mt-2">
        <CurrentStatus
          size="lg"
          current={
            current && runStart
              ? { status: current.status, since: current.since, hasExactStart: runStart.effectiveAt !== null, precision: runStart.occurredPrecision, timeZone: runStart.timeZone }
              : null
          }
        />
      </div>
      {currentChange && (
        <p className="mt-1 text-sm">
          Set by <a href={`#entry-${currentChange.id}`}>{currentChange.headline}</a>
        </p>
      )}
      <h3 className="mt-3 text-sm font-semibold">Pending deadlines</h3>
      {pending.length === 0 && !extraDeadline ? (
        <p className="text-sm text-muted">None.</p>
      ) : (
        <ul className="mt-1 space-y-1 text-sm">
          {pending.map((entry) => (
            <li key={entry.changeId}>
              <StatusBadge status={entry.status} /> scheduled from{" "}
              <time dateTime={entry.effectiveAt.toISOString()}>{formatInstant(entry.effectiveAt, timeZone)}</time> (
              <a href={`#entry-${entry.changeId}`}>{byId.get(entry.changeId)?.headline}</a>)
            </li>
          ))}
          {extraDeadline && <li>{extraDeadline}</li>}
        </ul>
      )}
      {conditions}
      {children && <div className="mt-3">{children}</div>}
    </section>
  );
}
