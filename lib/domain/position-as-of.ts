import { conditionStateKnownAt, conditionStateStandsAt, type TCitedSourceTime } from "./condition-as-of";
import type { TTimeAxis } from "./record-time";

// Party positions as of an instant (decision 029's axes, applied to positions; decision 041).
// A position is added once and superseded by adding another, so it stands from two instants:
// when Pactwatch recorded it (createdAt, record time) and when its words became public
// (knowledge time: its one source's publication, by the rule conditions use, never before the
// words were said). A superseded position stands as current until its successor stands.

/** When a position's words became public, from its source (undated: when said or recorded, whichever is later). */
export function positionKnownAt(position: { statedAt: Date; createdAt: Date }, source: TCitedSourceTime): Date {
  return conditionStateKnownAt({ occurredAt: position.statedAt, createdAt: position.createdAt }, [source]);
}

/** Whether a position stood at `instant`: recorded by then (record axis) or public by then (knowledge axis). */
export function positionStandsAt(position: { knownAt: Date; createdAt: Date }, instant: Date, axis: TTimeAxis): boolean {
  return conditionStateStandsAt(position, instant, axis);
}
