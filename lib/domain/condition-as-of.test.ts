import { describe, expect, it } from "vitest";
import { conditionStateKnownAt, conditionStateStandsAt, sourceKnownFrom } from "./condition-as-of";

const at = (iso: string) => new Date(iso);

describe("conditions as of an instant", () => {
  it("knows a day-precision source from the end of its UTC day, an instant source from its instant", () => {
    expect(sourceKnownFrom(at("2019-11-22T00:00:00Z"), "DAY")).toEqual(at("2019-11-23T00:00:00Z"));
    expect(sourceKnownFrom(at("2019-11-22T09:14:00Z"), "INSTANT")).toEqual(at("2019-11-22T09:14:00Z"));
  });

  it("dates a state by its earliest source that could report it, never before it happened", () => {
    const state = { occurredAt: at("2019-11-22T09:00:00Z"), createdAt: at("2026-12-01T00:00:00Z") };
    const sources = [
      { publishedAt: at("2019-11-22T00:00:00Z"), publishedPrecision: "DAY" as const },
      { publishedAt: at("2019-11-22T09:14:00Z"), publishedPrecision: "INSTANT" as const },
      { publishedAt: at("2016-11-23T00:00:00Z"), publishedPrecision: "DAY" as const },
    ];
    expect(conditionStateKnownAt(state, sources)).toEqual(at("2019-11-22T09:14:00Z"));
    expect(conditionStateKnownAt(state, [sources[2]!])).toEqual(state.occurredAt);
    expect(conditionStateKnownAt(state, [{ publishedAt: null, publishedPrecision: "DAY" }])).toEqual(state.createdAt);
  });

  it("stands from its knowledge time on the known axis and from its record time on the recorded one", () => {
    const state = { knownAt: at("2019-11-22T09:14:00Z"), createdAt: at("2026-12-01T00:00:00Z") };
    expect(conditionStateStandsAt(state, at("2019-11-22T09:13:59Z"), "known")).toBe(false);
    expect(conditionStateStandsAt(state, at("2019-11-22T09:14:00Z"), "known")).toBe(true);
    expect(conditionStateStandsAt(state, at("2020-01-01T00:00:00Z"), "recorded")).toBe(false);
    expect(conditionStateStandsAt(state, at("2026-12-01T00:00:00Z"), "recorded")).toBe(true);
  });
});
