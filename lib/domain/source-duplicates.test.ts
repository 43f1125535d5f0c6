import { describe, expect, it } from "vitest";
import { chooseMergeTarget, findDuplicateGroups, isGraded, titlePublisherKey } from "./source-duplicates";

const NYT = "https://www.nytimes.com/2019/11/22/world/asia/japan-south-korea-intelligence.html";
const source = (id: string, overrides: Partial<{ url: string; title: string; publisher: string; archiveUrl: string | null }> = {}) => ({
  id,
  url: `https://example.com/${id}`,
  title: `Distinct title number ${id}`,
  publisher: "Example",
  archiveUrl: null,
  ...overrides,
});

describe("findDuplicateGroups", () => {
  it("ties a link stored before a canonicalisation rule to the canonical one", () => {
    const groups = findDuplicateGroups([source("a", { url: NYT }), source("b", { url: `${NYT}?utm_source=x` }), source("c")]);
    expect(groups).toEqual([{ sourceIds: ["a", "b"], reasons: ["canonical-url"] }]);
  });

  it("ties two stored links that both canonicalise to a third form", () => {
    const groups = findDuplicateGroups([source("a", { url: `${NYT}?smid=tw-share` }), source("b", { url: `${NYT}#comments` })]);
    expect(groups).toEqual([{ sourceIds: ["a", "b"], reasons: ["canonical-url"] }]);
  });

  it("matches titles and publishers regardless of case, quotes, dashes and spacing", () => {
    const groups = findDuplicateGroups([
      source("a", { title: "Seoul holds off on ending GSOMIA", publisher: "The Korea Herald" }),
      source("b", { title: "  Seoul Holds Off  on Ending ‘GSOMIA’ ", publisher: "the korea herald" }),
      source("c", { title: "Seoul holds off on ending GSOMIA", publisher: "Yonhap" }),
    ]);
    expect(groups).toEqual([{ sourceIds: ["a", "b"], reasons: ["title-publisher"] }]);
  });

  it("matches archived copies, and joins groups tied by different tests", () => {
    const archive = "https://web.archive.org/web/2019/https://example.com/x";
    const groups = findDuplicateGroups([
      source("a", { archiveUrl: archive }),
      source("b", { archiveUrl: archive, title: "Same story again here" }),
      source("c", { title: "Same story again here", url: "https://example.com/c?utm_campaign=z" }),
      source("d", { url: "https://example.com/c" }),
    ]);
    expect(groups).toEqual([{ sourceIds: ["a", "b", "c", "d"], reasons: ["archive-url", "canonical-url", "title-publisher"] }]);
  });

  it("does not treat very short titles as evidence", () => {
    expect(titlePublisherKey("News", "Example")).toBeNull();
    expect(findDuplicateGroups([source("a", { title: "News" }), source("b", { title: "news" })])).toEqual([]);
  });
});

describe("chooseMergeTarget", () => {
  const candidate = (id: string, overrides: Partial<Parameters<typeof chooseMergeTarget>[0][number]> = {}) => ({
    id,
    url: NYT,
    retiredAt: null,
    citationCount: 0,
    isGraded: false,
    createdAt: new Date("2024-01-01T00:00:00Z"),
    ...overrides,
  });

  it("keeps the live source with the canonical link, then the most cited", () => {
    expect(chooseMergeTarget([candidate("old", { url: `${NYT}?utm_source=x`, citationCount: 9 }), candidate("new")]).id).toBe("new");
    expect(chooseMergeTarget([candidate("a", { retiredAt: new Date() }), candidate("b", { url: `${NYT}?utm_source=x` })]).id).toBe("b");
    expect(chooseMergeTarget([candidate("a", { citationCount: 1 }), candidate("b", { citationCount: 3 })]).id).toBe("b");
    expect(chooseMergeTarget([candidate("a"), candidate("b", { isGraded: true })]).id).toBe("b");
  });
});

describe("isGraded", () => {
  it("counts F without a note as not graded yet", () => {
    expect(isGraded({ reliability: "F", reliabilityNote: null })).toBe(false);
    expect(isGraded({ reliability: "F", reliabilityNote: "Anonymous blog, no track record" })).toBe(true);
    expect(isGraded({ reliability: "B", reliabilityNote: null })).toBe(true);
  });
});
