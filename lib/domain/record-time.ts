// The three time axes (decision 029), the pure rule of "what stood at instant T on axis A".
// World time: when a change happened or takes effect (occurredAt, effectiveAt). Knowledge time:
// when it became public (knownAt, from its sources). Record time: when Pactwatch showed which
// version of it (transaction time of each publish, edit and retraction).
// lib/server/as-of-sql.ts states the same rule over StatusChangeRecord; tests hold both to it.

/** The axis an asOf reading is taken on: knowledge time (the default) or record time. */
export type TTimeAxis = "known" | "recorded";

export const TIME_AXES: readonly TTimeAxis[] = ["known", "recorded"];

/** One published version of a development as the record keeps it: shown from recordedFrom until recordedUntil (null: still shown). */
export type TRecordVersion<T> = {
  id: string;
  recordedFrom: Date;
  recordedUntil: Date | null;
  /** When the development became public (its current knowledge time, on the version shown now). */
  knownAt: Date | null;
  value: T;
};

/** A write to the record: a publish or an edit makes `value` the shown version at `at`; a retraction withdraws it. */
export type TRecordWrite<T> =
  | { kind: "publish" | "edit"; id: string; at: Date; value: T; knownAt: Date | null }
  | { kind: "retract"; id: string; at: Date };

/**
 * Whether a version stood at `instant` on `axis`. Recorded: it was the version shown then.
 * Known: it is the version shown now and its development was public by then (today's best
 * knowledge of what could be known then; a retraction made later withdraws it from the past too).
 */
export function standsAt<T>(version: TRecordVersion<T>, instant: Date, axis: TTimeAxis): boolean {
  const t = instant.getTime();
  if (axis === "recorded") return version.recordedFrom.getTime() <= t && (version.recordedUntil === null || version.recordedUntil.getTime() > t);
  return version.recordedUntil === null && version.knownAt !== null && version.knownAt.getTime() <= t;
}

/** The versions that stood at `instant` on `axis`: at most one per development. */
export function recordAsOf<T>(versions: readonly TRecordVersion<T>[], instant: Date, axis: TTimeAxis): TRecordVersion<T>[] {
  return versions.filter((version) => standsAt(version, instant, axis));
}

/**
 * The versions a log of writes leaves, as StatusChangeRecord keeps them: each publish or edit
 * closes the shown version at its instant and opens the next; a retraction closes it; writes at
 * one instant (one transaction) amend each other. Writes are applied in the order given, at
 * non-decreasing instants. knownAt of every version of a development is its latest one.
 */
export function versionsOf<T>(writes: readonly TRecordWrite<T>[]): TRecordVersion<T>[] {
  const versions: TRecordVersion<T>[] = [];
  const shown = new Map<string, TRecordVersion<T>>();
  for (const write of writes) {
    const open = shown.get(write.id);
    if (open && open.recordedFrom.getTime() === write.at.getTime()) {
      versions.splice(versions.indexOf(open), 1);
      shown.delete(write.id);
    } else if (open) {
      open.recordedUntil = write.at;
      shown.delete(write.id);
    }
    if (write.kind === "retract") continue;
    const version: TRecordVersion<T> = { id: write.id, recordedFrom: write.at, recordedUntil: null, knownAt: write.knownAt, value: write.value };
    versions.push(version);
    shown.set(write.id, version);
  }
  for (const version of versions) {
    const last = shown.get(version.id);
    version.knownAt = last ? last.knownAt : version.knownAt;
  }
  return versions;
}

/** Replays the writes made by `instant` (inclusive): what each shown development's value was then. */
export function replayWrites<T>(writes: readonly TRecordWrite<T>[], instant: Date): Map<string, T> {
  const state = new Map<string, T>();
  for (const write of writes) {
    if (write.at.getTime() > instant.getTime()) break;
    if (write.kind === "retract") state.delete(write.id);
    else state.set(write.id, write.value);
  }
  return state;
}
