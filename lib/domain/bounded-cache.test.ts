import { describe, expect, it } from "vitest";
import { boundedCache } from "./bounded-cache";

describe("boundedCache", () => {
  it("builds once per key and keeps at most its limit, dropping the least recently used", () => {
    const cache = boundedCache<number>(2);
    let builds = 0;
    const build = (value: number) => () => (builds += 1, value);
    expect(cache.get("a", build(1))).toBe(1);
    expect(cache.get("a", build(99))).toBe(1);
    expect(cache.get("b", build(2))).toBe(2);
    cache.get("a", build(99)); // "a" is now the most recently used
    expect(cache.get("c", build(3))).toBe(3); // drops "b"
    expect(cache.size).toBe(2);
    expect(cache.get("a", build(99))).toBe(1);
    expect(cache.get("b", build(20))).toBe(20);
    expect(builds).toBe(4);
  });

  it("caches nothing when building throws", () => {
    const cache = boundedCache<number>(2);
    expect(() => cache.get("x", () => { throw new RangeError("bad zone"); })).toThrow(RangeError);
    expect(cache.size).toBe(0);
  });
});
