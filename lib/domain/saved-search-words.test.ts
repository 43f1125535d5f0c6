import { describe, expect, it } from "vitest";
import { savedSearchWords } from "./saved-search-words";

describe("savedSearchWords", () => {
  it("names the search as the brief's example reads", () => {
    expect(savedSearchWords({ q: "tariffs", direction: ["ESCALATION"], party: "JPN" }, { parties: { JPN: "Japan" } })).toBe("developments matching “tariffs”, escalations, Japan");
  });
  it("joins several values with 'or' and names a pair, a subject and dates", () => {
    expect(
      savedSearchWords({ status: ["SUSPENDED", "TERMINATED"], pair: ["JPN", "KOR"], agreement: "gsomia", from: "2019" }, { parties: { JPN: "Japan", KOR: "South Korea" }, agreement: "GSOMIA" }),
    ).toBe("developments matching on GSOMIA, Japan – South Korea, status after Suspended or Terminated, from 2019");
  });
  it("says 'all developments' for no filter", () => {
    expect(savedSearchWords({}, { parties: {} })).toBe("all developments");
  });
});
