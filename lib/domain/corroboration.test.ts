import { describe, expect, it } from "vitest";
import { corroborate, originOf, type TCorroborationSource } from "./corroboration";

const source = (id: string, publisher: string, overrides: Partial<TCorroborationSource> = {}): TCorroborationSource => ({
  id,
  publisher,
  publisherGroup: null,
  syndicatedFromId: null,
  reliability: "B",
  isRetired: false,
  ...overrides,
});

const yonhap = source("yonhap", "Yonhap News Agency");
const heraldCarryingYonhap = source("herald", "The Korea Herald", { syndicatedFromId: "yonhap", reliability: "C" });
const nyt = source("nyt", "The New York Times", { reliability: "A" });
const asahi = source("asahi", "The Asahi Shimbun", { reliability: "C" });

describe("corroborate", () => {
  it("counts a Yonhap report carried by the Korea Herald as one source", () => {
    const result = corroborate([yonhap, heraldCarryingYonhap]);
    expect(result).toMatchObject({ level: "SINGLE_SOURCE", independent: 1, gradedBOrBetter: 1, summary: "Backed by 1 independent source, 1 graded B or better." });
    // Neither confirms the other: the wire's own grade decides.
    expect(result.suggestedCredibility).toEqual({ yonhap: 2, herald: 3 });
  });

  it("follows the chain even when only the carrier is cited, and takes the group's best grade", () => {
    expect(corroborate([heraldCarryingYonhap, nyt], [yonhap])).toMatchObject({ independent: 2, gradedBOrBetter: 1, level: "CORROBORATED" });
    expect(corroborate([heraldCarryingYonhap, yonhap, nyt])).toMatchObject({ independent: 2, gradedBOrBetter: 2, level: "WELL_CORROBORATED" });
  });

  it("reads the issue's example: 3 independent sources, 2 graded B or better", () => {
    const result = corroborate([yonhap, heraldCarryingYonhap, nyt, asahi]);
    expect(result).toMatchObject({ level: "WELL_CORROBORATED", independent: 3, gradedBOrBetter: 2, summary: "Confirmed by 3 independent sources, 2 graded B or better." });
    expect(result.suggestedCredibility).toEqual({ yonhap: 1, herald: 1, nyt: 1, asahi: 1 });
  });

  it("counts sources of one owner or wire group once, and the same publisher once, whatever its spelling", () => {
    const nikkei = source("nikkei", "Nikkei", { publisherGroup: "Nikkei Inc." });
    const ft = source("ft", "Financial Times", { publisherGroup: " nikkei  inc. " });
    const again = source("nyt-2", "the new york times ");
    expect(corroborate([nikkei, ft])).toMatchObject({ independent: 1 });
    expect(corroborate([nyt, again])).toMatchObject({ independent: 1, level: "SINGLE_SOURCE" });
  });

  it("leaves out retired sources, suggests 6 for them, and grades unconfirmed claims by the source", () => {
    const retired = source("old", "Old Wire", { isRetired: true, reliability: "A" });
    const weak = source("weak", "Rumour Mill", { reliability: "E" });
    const result = corroborate([retired, weak]);
    expect(result).toMatchObject({ level: "SINGLE_SOURCE", independent: 1, gradedBOrBetter: 0 });
    expect(result.suggestedCredibility).toEqual({ old: 6, weak: 5 });
    expect(corroborate([retired])).toMatchObject({ level: "UNCORROBORATED", independent: 0, summary: "Not backed by any source still trusted." });
  });

  it("needs another group graded C or better to confirm a claim", () => {
    const unjudged = source("unjudged", "New Blog", { reliability: "F" });
    expect(corroborate([unjudged, asahi]).suggestedCredibility).toEqual({ unjudged: 1, asahi: 3 });
  });

  it("survives a syndication loop and a chain to a source it was not given", () => {
    const a = source("a", "A", { syndicatedFromId: "b" });
    const b = source("b", "B", { syndicatedFromId: "a" });
    expect(originOf(a, new Map([["a", a], ["b", b]])).id).toBe("b");
    expect(originOf(source("c", "C", { syndicatedFromId: "missing" }), new Map()).id).toBe("c");
    expect(corroborate([a, b])).toMatchObject({ independent: 2 });
  });
});
