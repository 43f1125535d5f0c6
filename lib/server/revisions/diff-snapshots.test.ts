import { describe, expect, it } from "vitest";
import { diffSnapshots } from "./diff-snapshots";

describe("diffSnapshots", () => {
  it("lists only the fields an editor changed, not the bookkeeping", () => {
    expect(
      diffSnapshots(
        { headline: "A", version: 1, updatedAt: "x", citations: [{ url: "u", quote: "q" }], body: "b" },
        { headline: "B", version: 2, updatedAt: "y", citations: [{ url: "u", quote: "q2" }], body: "b" },
      ),
    ).toEqual([
      { field: "headline", before: "A", after: "B" },
      { field: "citations", before: [{ url: "u", quote: "q" }], after: [{ url: "u", quote: "q2" }] },
    ]);
  });

  it("treats the first version as everything new", () => {
    expect(diffSnapshots(null, { headline: "A", version: 1 })).toEqual([{ field: "headline", before: null, after: "A" }]);
  });
});
