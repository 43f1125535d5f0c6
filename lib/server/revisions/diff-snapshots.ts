/** One field that differs between two saved versions. */
export type TSnapshotChange = { field: string; before: unknown; after: unknown };

// Bookkeeping that changes on every save says nothing about what the editor changed.
const IGNORED_FIELDS = new Set(["version", "updatedAt", "createdAt", "id"]);

function stable(value: unknown): string {
  return JSON.stringify(value ?? null);
}

/** The top-level fields whose values differ between two snapshots (null `before`: everything is new). */
export function diffSnapshots(before: Record<string, unknown> | null, after: Record<string, unknown>): TSnapshotChange[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  const changes: TSnapshotChange[] = [];
  for (const field of fields) {
    if (IGNORED_FIELDS.has(field)) continue;
    const previous = before ? before[field] : undefined;
    if (before && stable(previous) === stable(after[field])) continue;
    changes.push({ field, before: previous ?? null, after: after[field] ?? null });
  }
  return changes;
}
