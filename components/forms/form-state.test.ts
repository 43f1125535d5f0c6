import { describe, expect, it } from "vitest";
import { conflictOf, errorAt, failureOf, isShowingSubmitted, rowsAt, summaryItems, textAt, type TFailure } from "./form-state";

const refusal = (overrides: Partial<TFailure> = {}): TFailure => ({
  ok: false,
  code: "INVALID_INPUT",
  error: "Some fields need attention: see the messages beside them.",
  fieldErrors: { headline: ["Write a headline"], "citations.0.url": ["Only http and https links can be sources"] },
  values: { headline: "", citations: { 0: { url: "javascript:alert(1)" } } },
  details: {},
  ...overrides,
});

describe("the form state", () => {
  it("finds the refusal and each field's first error, and nothing after a success", () => {
    expect(failureOf(null)).toBeNull();
    expect(failureOf({ ok: true, data: 1 })).toBeNull();
    const failure = failureOf(refusal());
    expect(errorAt(failure, "citations.0.url")).toBe("Only http and https links can be sources");
    expect(errorAt(failure, "status")).toBeUndefined();
    expect(rowsAt(failure?.values, "citations").map((row) => textAt(row, "url"))).toEqual(["javascript:alert(1)"]);
    expect(summaryItems(failure, (path) => path.toUpperCase()).map((item) => item.label)).toEqual(["HEADLINE", "CITATIONS.0.URL"]);
  });

  it("shows what was submitted after a refusal, and the stored version after a stale save unless the form shows both", () => {
    expect(isShowingSubmitted(null)).toBe(false);
    expect(isShowingSubmitted(refusal())).toBe(true);
    // "An account for … already exists": no version involved, the typing stays.
    expect(isShowingSubmitted(refusal({ code: "CONFLICT", details: {} }))).toBe(true);
    const stale = refusal({ code: "CONFLICT", details: { currentVersion: 3, current: { headline: "Theirs" } } });
    expect(isShowingSubmitted(stale)).toBe(false);
    expect(isShowingSubmitted(stale, { showsConflicts: true })).toBe(true);
    expect(conflictOf(stale)).toBe(stale);
    expect(conflictOf(refusal({ code: "CONFLICT", details: { currentVersion: 3 } }))).toBeNull();
  });
});
