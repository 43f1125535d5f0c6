import { describe, expect, it } from "vitest";
import { daysBefore, nextDigestSlot, wallTimeAt } from "./subscription-schedule";

describe("subscription schedule", () => {
  it("reminds N calendar days before a deadline at the same local wall time", () => {
    // GSOMIA's 2019 notice deadline: 25 August 00:00 Asia/Seoul (2019-08-24T15:00Z).
    expect(daysBefore(new Date("2019-08-24T15:00:00Z"), 30, "Asia/Seoul").toISOString()).toBe("2019-07-25T15:00:00.000Z");
    // Across a daylight-saving change the wall time stays (Berlin went to winter time on 27 October 2019).
    expect(daysBefore(new Date("2019-11-01T23:00:00Z"), 7, "Europe/Berlin").toISOString()).toBe("2019-10-25T22:00:00.000Z");
  });

  it("puts a delivery into the next digest hour, the next day's when the hour has passed or is now", () => {
    expect(nextDigestSlot(new Date("2019-11-22T10:00:00Z"), 8, "Asia/Seoul")).toEqual({ scheduledAt: new Date("2019-11-22T23:00:00Z"), localDay: "2019-11-23" });
    expect(nextDigestSlot(new Date("2019-11-22T22:59:59Z"), 8, "Asia/Seoul").localDay).toBe("2019-11-23");
    expect(nextDigestSlot(new Date("2019-11-22T23:00:00Z"), 8, "Asia/Seoul")).toEqual({ scheduledAt: new Date("2019-11-23T23:00:00Z"), localDay: "2019-11-24" });
    expect(nextDigestSlot(new Date("2019-11-22T10:00:00Z"), 0, "UTC")).toEqual({ scheduledAt: new Date("2019-11-23T00:00:00Z"), localDay: "2019-11-23" });
  });

  it("reads the wall clock of an instant in a zone", () => {
    expect(wallTimeAt(new Date("2019-08-24T15:00:00Z"), "Asia/Seoul")).toEqual({ year: 2019, month: 8, day: 25, hour: 0, minute: 0 });
  });
});
