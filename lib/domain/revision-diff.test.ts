import { describe, expect, it } from "vitest";
import { diffVersions, isEmptyDiff, toPublicVersion } from "./revision-diff";

const citation = { sourceId: "s1", url: "https://a.example/1", title: "Report", publisher: "Wire", quote: "q", quoteOriginal: null, quoteLanguage: null, locator: "para 1", credibility: 2, position: 0, erratum: null, erratumAt: null };
const snapshot = {
  id: "e1",
  authorId: "secret-account",
  version: 2,
  status: "SUSPENDED",
  headline: "Export controls tightened",
  body: "",
  occurredAt: "2019-08-01T15:00:00.000Z",
  occurredPrecision: "DAY",
  timeZone: "Asia/Tokyo",
  effectiveAt: null,
  direction: "ESCALATION",
  cancelsId: null,
  state: "PUBLISHED",
  retractionReason: null,
  citations: [citation],
};

describe("toPublicVersion", () => {
  it("keeps only what a reader sees: no account ids, no bookkeeping", () => {
    const version = toPublicVersion(snapshot);
    expect(version).not.toHaveProperty("authorId");
    expect(version).not.toHaveProperty("version");
    expect(version.citations).toEqual([{ url: citation.url, title: "Report", publisher: "Wire", quote: "q", quoteOriginal: null, quoteLanguage: null, locator: "para 1", credibility: 2, erratum: null }]);
  });

  it("reads anything of another shape as absent instead of failing", () => {
    expect(toPublicVersion(null).headline).toBeNull();
    expect(toPublicVersion({ headline: 3, citations: [null, { title: "no url" }, "x"] })).toMatchObject({ headline: "3", citations: [] });
  });
});

describe("diffVersions", () => {
  it("lists nothing for the first version", () => {
    expect(isEmptyDiff(diffVersions(null, toPublicVersion(snapshot)))).toBe(true);
  });

  it("lists each changed field with before and after, ignoring saves that changed only bookkeeping", () => {
    const before = toPublicVersion(snapshot);
    expect(diffVersions(before, toPublicVersion({ ...snapshot, version: 3, updatedAt: "later" }))).toEqual({ fields: [], citations: [] });
    const after = toPublicVersion({ ...snapshot, occurredAt: "2019-08-06T15:00:00.000Z", effectiveAt: "2019-08-27T15:00:00.000Z" });
    expect(diffVersions(before, after).fields).toEqual([
      { field: "occurredAt", before: "2019-08-01T15:00:00.000Z", after: "2019-08-06T15:00:00.000Z" },
      { field: "effectiveAt", before: null, after: "2019-08-27T15:00:00.000Z" },
    ]);
  });

  it("matches citations by source address: added, removed, and changed field by field; a reordering is no change", () => {
    const other = { ...citation, url: "https://b.example/2", title: "Other" };
    const before = toPublicVersion({ ...snapshot, citations: [citation, other] });
    expect(isEmptyDiff(diffVersions(before, toPublicVersion({ ...snapshot, citations: [other, citation] })))).toBe(true);
    const added = { ...citation, url: "https://c.example/3", title: "New" };
    const after = toPublicVersion({ ...snapshot, citations: [{ ...citation, quote: "q2", erratum: "The source gave the wrong date." }, added] });
    expect(diffVersions(before, after).citations).toEqual([
      { change: "removed", url: other.url, before: expect.objectContaining({ title: "Other" }) },
      {
        change: "changed",
        url: citation.url,
        title: "Report",
        fields: [
          { field: "quote", before: "q", after: "q2" },
          { field: "erratum", before: null, after: "The source gave the wrong date." },
        ],
      },
      { change: "added", url: added.url, after: expect.objectContaining({ title: "New" }) },
    ]);
  });
});

describe("wrongAndNow", () => {
  it("says what was wrong and what it is now, in the entry's zone and words", async () => {
    const { wrongAndNow } = await import("./revision-text");
    const before = toPublicVersion(snapshot);
    const after = toPublicVersion({ ...snapshot, occurredAt: "2019-08-01T15:00:00.000Z", timeZone: "Asia/Tokyo", status: "IN_FORCE", citations: [{ ...citation, erratum: "It gave 7 August." }] });
    expect(wrongAndNow(diffVersions(before, after), before, after)).toEqual({
      wrong: ["Status: Suspended", "Report, as the source published it"],
      now: ["Status: In force", "Report: the source erred: It gave 7 August."],
    });
  });
});
