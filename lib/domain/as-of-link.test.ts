import { describe, expect, it } from "vitest";
import { keepAsOf } from "./as-of-link";

describe("keepAsOf", () => {
  const asOf = { instant: new Date("2019-11-22T03:00:00Z"), axis: "known" as const };
  it("adds asOf and axis before the fragment, replacing any earlier ones", () => {
    expect(keepAsOf("/agreements/gsomia#entry-1", asOf)).toBe("/agreements/gsomia?asOf=2019-11-22T03%3A00%3A00.000Z&axis=known#entry-1");
    expect(keepAsOf("/exports/developments.csv?agreement=gsomia&asOf=x", asOf)).toBe("/exports/developments.csv?agreement=gsomia&asOf=2019-11-22T03%3A00%3A00.000Z&axis=known");
  });
  it("leaves the present and in-page anchors alone", () => {
    expect(keepAsOf("/parties/KOR", undefined)).toBe("/parties/KOR");
    expect(keepAsOf("#entry-1", asOf)).toBe("#entry-1");
  });
});
