// The one order of a history, for every rule that reads one (deriveStatus, statusTimeline) and for
// every writer that stores "effectiveTime". SQL restates it once, in lib/server/history-sql.ts
// (historyOrderSql) and in the migration's status functions; the CHECK
// "StatusChange_effective_time_check" holds the stored column to effectiveTimeOf.

/** What the order reads of a change. */
export interface TChronologicalChange {
  id: string;
  occurredAt: Date;
  /** When the new status takes effect, if not when the change occurred; may lie in the future. */
  effectiveAt: Date | null;
  createdAt: Date;
}

/** The instant a change's status applies from: its stated effective time, else when it occurred. */
export function effectiveTimeOf(change: Pick<TChronologicalChange, "effectiveAt" | "occurredAt">): Date {
  return change.effectiveAt ?? change.occurredAt;
}

/**
 * Oldest first by effective time; ties go to the earlier occurrence, then the earlier record,
 * then the smaller id, so the outcome never depends on the order rows were read in. A later
 * change in this order overrides an earlier one.
 */
export function compareChronologically(left: TChronologicalChange, right: TChronologicalChange): number {
  return (
    effectiveTimeOf(left).getTime() - effectiveTimeOf(right).getTime() ||
    left.occurredAt.getTime() - right.occurredAt.getTime() ||
    left.createdAt.getTime() - right.createdAt.getTime() ||
    (left.id < right.id ? -1 : left.id > right.id ? 1 : 0)
  );
}
