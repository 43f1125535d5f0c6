import { describe, expect, it } from "vitest";
import { isDeliveredTo, matchesRule } from "./subscription-rules";

const change = (statusBefore: string | null, statusAfter: string, direction: "ESCALATION" | "DE_ESCALATION" | "NEUTRAL" = "NEUTRAL") => ({ statusBefore, statusAfter, direction });

describe("matchesRule", () => {
  it("leaves: only a change away from the status", () => {
    const rule = { rule: "LEAVES_STATUS" as const, ruleStatus: "PROVISIONALLY_EXTENDED" };
    expect(matchesRule(rule, change("PROVISIONALLY_EXTENDED", "IN_FORCE"))).toBe(true);
    expect(matchesRule(rule, change("PROVISIONALLY_EXTENDED", "PROVISIONALLY_EXTENDED"))).toBe(false);
    expect(matchesRule(rule, change("NOTICE_GIVEN", "PROVISIONALLY_EXTENDED"))).toBe(false);
    expect(matchesRule(rule, change(null, "IN_FORCE"))).toBe(false);
  });
  it("enters: only a change into the status, a subject's first development included", () => {
    const rule = { rule: "ENTERS_STATUS" as const, ruleStatus: "NOTICE_GIVEN" };
    expect(matchesRule(rule, change("IN_FORCE", "NOTICE_GIVEN"))).toBe(true);
    expect(matchesRule(rule, change(null, "NOTICE_GIVEN"))).toBe(true);
    expect(matchesRule(rule, change("NOTICE_GIVEN", "NOTICE_GIVEN"))).toBe(false);
    expect(matchesRule(rule, change("NOTICE_GIVEN", "IN_FORCE"))).toBe(false);
  });
  it("escalations and any development", () => {
    expect(matchesRule({ rule: "ESCALATION", ruleStatus: null }, change("IN_FORCE", "NOTICE_GIVEN", "ESCALATION"))).toBe(true);
    expect(matchesRule({ rule: "ESCALATION", ruleStatus: null }, change("NOTICE_GIVEN", "PROVISIONALLY_EXTENDED", "DE_ESCALATION"))).toBe(false);
    expect(matchesRule({ rule: "ANY_DEVELOPMENT", ruleStatus: null }, change("IN_FORCE", "IN_FORCE"))).toBe(true);
  });
});

describe("isDeliveredTo", () => {
  const base = { rule: "ESCALATION" as const, ruleStatus: null, includeCorrections: true };
  it("tells of corrections and retractions only of what it already told, and only when asked", () => {
    const correction = { kind: "CORRECTED" as const, ...change("IN_FORCE", "IN_FORCE"), wasDelivered: true };
    expect(isDeliveredTo(base, correction)).toBe(true);
    expect(isDeliveredTo(base, { ...correction, wasDelivered: false })).toBe(false);
    expect(isDeliveredTo({ ...base, includeCorrections: false }, { ...correction, kind: "RETRACTED" })).toBe(false);
  });
  it("applies the rule to first publications", () => {
    expect(isDeliveredTo(base, { kind: "PUBLISHED", ...change("IN_FORCE", "NOTICE_GIVEN", "ESCALATION"), wasDelivered: false })).toBe(true);
    expect(isDeliveredTo(base, { kind: "PUBLISHED", ...change("IN_FORCE", "NOTICE_GIVEN"), wasDelivered: false })).toBe(false);
  });
});

describe("deadline and breach rules", () => {
  it("are never told of a development as such (their own jobs tell them)", () => {
    for (const rule of ["DEADLINE_APPROACHING", "CONDITION_BREACHED"] as const) {
      expect(isDeliveredTo({ rule, ruleStatus: null, includeCorrections: true }, { kind: "PUBLISHED", ...change("IN_FORCE", "NOTICE_GIVEN", "ESCALATION"), wasDelivered: false })).toBe(false);
    }
  });
});
