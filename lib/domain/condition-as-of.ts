import type { TTimeAxis } from "./record-time";

// Conditions as of an instant (decision 029's axes, applied to conditions; issue 13 item 1).
// A condition's states are appended, never rewritten, so each stands from two instants: when
// Pactwatch recorded it (createdAt, record time) and when it became public (knowledge time, from
// its cited sources by the rule pw_known_at applies to developments: the earliest source that
// could report it, never before it happened; all sources older: when it happened; none dated:
// when it was recorded).

export type TCitedSourceTime = { publishedAt: Date | null; publishedPrecision: "INSTANT" | "DAY" };

/** From when a source is known: its stated instant, or for a date alone the end of that (UTC) day (as pw_source_known_from). */
export function sourceKnownFrom(publishedAt: Date, precision: TCitedSourceTime["publishedPrecision"]): Date {
  return precision === "INSTANT" ? publishedAt : new Date(publishedAt.getTime() + 86_400_000);
}

/** When a condition's state became public, from its cited sources. */
export function conditionStateKnownAt(state: { occurredAt: Date; createdAt: Date }, sources: readonly TCitedSourceTime[]): Date {
  const known = sources.filter((source) => source.publishedAt).map((source) => sourceKnownFrom(source.publishedAt!, source.publishedPrecision).getTime());
  if (known.length === 0) return new Date(Math.max(state.occurredAt.getTime(), state.createdAt.getTime()));
  const after = known.filter((at) => at >= state.occurredAt.getTime());
  return new Date(after.length ? Math.min(...after) : state.occurredAt.getTime());
}

/** Whether a state stood at `instant`: recorded by then (record axis) or public by then (knowledge axis). */
export function conditionStateStandsAt(state: { knownAt: Date; createdAt: Date }, instant: Date, axis: TTimeAxis): boolean {
  return (axis === "recorded" ? state.createdAt : state.knownAt).getTime() <= instant.getTime();
}
