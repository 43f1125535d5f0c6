/**
 * A map that keeps at most `limit` entries, dropping the least recently used first. For caches of
 * objects that are costly to build and keyed by input (formatters per locale and time zone): a
 * hostile or merely varied input can then cost a rebuild, never unbounded memory.
 */
export function boundedCache<TValue>(limit: number) {
  const entries = new Map<string, TValue>();
  return {
    get(key: string, build: () => TValue): TValue {
      const found = entries.get(key);
      if (found !== undefined) {
        // Map keeps insertion order: re-inserting marks the entry as the most recently used.
        entries.delete(key);
        entries.set(key, found);
        return found;
      }
      const value = build();
      entries.set(key, value);
      if (entries.size > limit) entries.delete(entries.keys().next().value as string);
      return value;
    },
    get size() {
      return entries.size;
    },
  };
}
