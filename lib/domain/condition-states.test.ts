import { describe, expect, it } from "vitest";
import { CONDITION_STATE_ICONS, CONDITION_STATE_LABELS, currentConditionState, isEscalatingConditionState, isLiveConditionState } from "./condition-states";

const at = (iso: string) => new Date(iso);

describe("condition states", () => {
  it("takes the latest state by when it happened, not by when it was recorded", () => {
    const states = [
      { state: "BREACHED" as const, occurredAt: at("2020-06-02T00:00+09:00"), createdAt: at("2026-01-01T00:00Z") },
      { state: "LAPSED" as const, occurredAt: at("2023-03-16T00:00+09:00"), createdAt: at("2025-01-01T00:00Z") },
      { state: "HOLDING" as const, occurredAt: at("2019-11-22T00:00+09:00"), createdAt: at("2027-01-01T00:00Z") },
    ];
    expect(currentConditionState(states)?.state).toBe("LAPSED");
    expect(currentConditionState([])).toBeNull();
  });

  it("breaks a tie of the same day by the later record", () => {
    const day = at("2019-11-22T00:00+09:00");
    expect(
      currentConditionState([
        { state: "HOLDING" as const, occurredAt: day, createdAt: at("2026-01-02T00:00Z") },
        { state: "MET" as const, occurredAt: day, createdAt: at("2026-01-01T00:00Z") },
      ])?.state,
    ).toBe("HOLDING");
  });

  it("counts holding and breached conditions as live, and only a breach as an escalation", () => {
    expect(["HOLDING", "MET", "BREACHED", "LAPSED", "WITHDRAWN"].filter((state) => isLiveConditionState(state as never))).toEqual(["HOLDING", "BREACHED"]);
    expect(isEscalatingConditionState("BREACHED")).toBe(true);
    expect(isEscalatingConditionState("HOLDING")).toBe(false);
  });

  it("gives every state a label and a distinct sign", () => {
    expect(new Set(Object.values(CONDITION_STATE_ICONS)).size).toBe(5);
    expect(Object.keys(CONDITION_STATE_LABELS)).toEqual(Object.keys(CONDITION_STATE_ICONS));
  });
});
