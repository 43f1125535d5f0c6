import { describe, expect, it } from "vitest";
import { showRevisionValue } from "./revision-values";

const snapshot = { timeZone: "Asia/Seoul", occurredPrecision: "DAY", effectiveTimeZone: "Asia/Tokyo" };

describe("showRevisionValue", () => {
  it("shows statuses, states and directions by their labels, not their stored names", () => {
    expect(showRevisionValue("status", "SIGNED", snapshot)).toBe("Signed");
    expect(showRevisionValue("status", "PROVISIONALLY_EXTENDED", snapshot)).toBe("Provisionally extended");
    expect(showRevisionValue("state", "PUBLISHED", snapshot)).toBe("Published");
    expect(showRevisionValue("direction", "DE_ESCALATION", snapshot)).not.toMatch(/_/);
  });

  it("formats dates in the entry's zone and precision", () => {
    expect(showRevisionValue("occurredAt", "2019-11-21T15:00:00.000Z", snapshot)).toBe("22 November 2019");
    expect(showRevisionValue("occurredAt", "2019-10-31T15:00:00.000Z", { ...snapshot, occurredPrecision: "MONTH" })).toBe("November 2019");
    expect(showRevisionValue("effectiveAt", "2019-11-22T15:00:00.000Z", snapshot)).toBe("23 November 2019, 00:00 GMT+9");
    expect(showRevisionValue("publishedAt", "2019-11-22T03:04:00.000Z", { timeZone: "UTC" })).toBe("22 November 2019, 03:04 UTC");
  });

  it("keeps other text as it is and shows absence as a dash", () => {
    expect(showRevisionValue("headline", "GSOMIA extended", snapshot)).toBe("GSOMIA extended");
    expect(showRevisionValue("effectiveAt", null, snapshot)).toBe("—");
    expect(showRevisionValue("partyCodes", ["JPN", "KOR"], snapshot)).toBe("JPN, KOR");
  });
});
