import { describe, it, expect } from "vitest";
import { isNoticeDeadlineRelevant, nextNoticeDeadline, type AgreementTerms, type NoticeDeadline } from "./deadlines";
import { Status } from "../generated/prisma/enums";

const gsomia: AgreementTerms = {
  inForceOn: "2016-11-23",
  termMonths: 12,
  autoRenews: true,
  noticeDays: 90,
  timeZone: "Asia/Seoul",
};

function asIso(deadline: NoticeDeadline | null) {
  if (!deadline) return null;
  return {
    termEndsAt: deadline.termEndsAt.toISOString(),
    noticeDeadlineAt: deadline.noticeDeadlineAt.toISOString(),
    lastDayToGiveNotice: deadline.lastDayToGiveNotice,
  };
}

describe("nextNoticeDeadline for GSOMIA", () => {
  it("gives 24 August 2019 as the last day before the 2019 renewal", () => {
    expect(asIso(nextNoticeDeadline(gsomia, new Date("2019-08-01T00:00:00Z")))).toEqual({
      termEndsAt: "2019-11-22T15:00:00.000Z",
      noticeDeadlineAt: "2019-08-24T15:00:00.000Z",
      lastDayToGiveNotice: "2019-08-24",
    });
  });

  it("moves to the next term once the deadline instant is reached", () => {
    const lastSecondOfTwentyFourthAugust = new Date("2019-08-24T14:59:59Z");
    expect(nextNoticeDeadline(gsomia, lastSecondOfTwentyFourthAugust)?.lastDayToGiveNotice).toBe("2019-08-24");
    expect(asIso(nextNoticeDeadline(gsomia, new Date("2019-08-24T15:00:00Z")))).toEqual({
      termEndsAt: "2020-11-22T15:00:00.000Z",
      noticeDeadlineAt: "2020-08-24T15:00:00.000Z",
      lastDayToGiveNotice: "2020-08-24",
    });
  });

  it("looks past a passed deadline and a renewal to the following term", () => {
    expect(asIso(nextNoticeDeadline(gsomia, new Date("2026-11-29T00:00:00Z")))).toEqual({
      termEndsAt: "2027-11-22T15:00:00.000Z",
      noticeDeadlineAt: "2027-08-24T15:00:00.000Z",
      lastDayToGiveNotice: "2027-08-24",
    });
  });

  it("gives the first term's deadline before entry into force", () => {
    expect(nextNoticeDeadline(gsomia, new Date("2016-01-01T00:00:00Z"))?.termEndsAt.toISOString()).toBe(
      "2017-11-22T15:00:00.000Z",
    );
  });

  it("reads a Prisma @db.Date by its UTC calendar date", () => {
    const fromDatabase = { ...gsomia, inForceOn: new Date("2016-11-23T00:00:00Z") };
    const now = new Date("2019-08-01T00:00:00Z");
    expect(asIso(nextNoticeDeadline(fromDatabase, now))).toEqual(asIso(nextNoticeDeadline(gsomia, now)));
  });
});

describe("nextNoticeDeadline never skips a term", () => {
  const monthIndex = (date: Date) => date.getUTCFullYear() * 12 + date.getUTCMonth();

  it.each([
    { termMonths: 12, noticeDays: 90, timeZone: "Asia/Seoul" },
    { termMonths: 1, noticeDays: 0, timeZone: "UTC" },
    { termMonths: 6, noticeDays: 400, timeZone: "Europe/Berlin" },
    { termMonths: 24, noticeDays: 31, timeZone: "America/New_York" },
  ])("with $termMonths-month terms, notice $noticeDays days, in $timeZone", ({ termMonths, noticeDays, timeZone }) => {
    const terms = { inForceOn: "2016-01-10", termMonths, autoRenews: true, noticeDays, timeZone };
    let previous = nextNoticeDeadline(terms, new Date("2016-01-01T00:00:00Z"))!;
    for (let day = 1; day < 2500; day += 3) {
      const now = new Date(Date.UTC(2016, 0, 1 + day, 6));
      const current = nextNoticeDeadline(terms, now)!;
      expect(current.noticeDeadlineAt.getTime()).toBeGreaterThan(now.getTime());
      if (current.termEndsAt.getTime() !== previous.termEndsAt.getTime()) {
        // It moves on only once the previous deadline has been reached, and by exactly one term.
        expect(previous.noticeDeadlineAt.getTime()).toBeLessThanOrEqual(now.getTime());
        expect(monthIndex(current.termEndsAt) - monthIndex(previous.termEndsAt)).toBe(termMonths);
      }
      previous = current;
    }
  });
});

describe("nextNoticeDeadline in zones with daylight saving time", () => {
  it("puts a summer deadline at summer midnight and a winter term end at winter midnight", () => {
    const terms = { inForceOn: "2019-01-15", termMonths: 12, autoRenews: true, noticeDays: 90, timeZone: "Europe/Berlin" };
    expect(asIso(nextNoticeDeadline(terms, new Date("2019-06-01T00:00:00Z")))).toEqual({
      termEndsAt: "2020-01-14T23:00:00.000Z",
      noticeDeadlineAt: "2019-10-16T22:00:00.000Z",
      lastDayToGiveNotice: "2019-10-16",
    });
  });

  it("counts calendar days, not 24-hour periods, across the spring-forward night", () => {
    const terms = { inForceOn: "2023-06-29", termMonths: 12, autoRenews: true, noticeDays: 90, timeZone: "Europe/Berlin" };
    expect(asIso(nextNoticeDeadline(terms, new Date("2024-01-01T00:00:00Z")))).toEqual({
      termEndsAt: "2024-06-28T22:00:00.000Z",
      noticeDeadlineAt: "2024-03-30T23:00:00.000Z",
      lastDayToGiveNotice: "2024-03-30",
    });
  });
});

describe("nextNoticeDeadline at month ends and in leap years", () => {
  const leapDay = { inForceOn: "2020-02-29", termMonths: 12, autoRenews: true, noticeDays: 30, timeZone: "UTC" };

  it("ends a year from 29 February on 28 February, and on 29 February in leap years", () => {
    expect(asIso(nextNoticeDeadline(leapDay, new Date("2020-03-01T00:00:00Z")))).toEqual({
      termEndsAt: "2021-02-28T00:00:00.000Z",
      noticeDeadlineAt: "2021-01-29T00:00:00.000Z",
      lastDayToGiveNotice: "2021-01-28",
    });
    expect(asIso(nextNoticeDeadline(leapDay, new Date("2023-03-01T00:00:00Z")))).toEqual({
      termEndsAt: "2024-02-29T00:00:00.000Z",
      noticeDeadlineAt: "2024-01-30T00:00:00.000Z",
      lastDayToGiveNotice: "2024-01-29",
    });
  });

  it("counts 29 February as a notice day", () => {
    const terms = { inForceOn: "2023-03-01", termMonths: 12, autoRenews: true, noticeDays: 2, timeZone: "UTC" };
    expect(nextNoticeDeadline(terms, new Date("2024-01-01T00:00:00Z"))?.lastDayToGiveNotice).toBe("2024-02-27");
  });

  it("counts monthly terms from 31 January from the anchor, clamping short months", () => {
    const monthly = { inForceOn: "2023-01-31", termMonths: 1, autoRenews: true, noticeDays: 0, timeZone: "UTC" };
    const termEnd = (now: string) => nextNoticeDeadline(monthly, new Date(now))?.termEndsAt.toISOString();
    expect(termEnd("2023-02-01T00:00:00Z")).toBe("2023-02-28T00:00:00.000Z");
    expect(termEnd("2023-03-01T00:00:00Z")).toBe("2023-03-31T00:00:00.000Z");
    expect(termEnd("2023-04-01T00:00:00Z")).toBe("2023-04-30T00:00:00.000Z");
    expect(nextNoticeDeadline(monthly, new Date("2023-03-01T00:00:00Z"))?.lastDayToGiveNotice).toBe("2023-03-30");
  });
});

describe("nextNoticeDeadline without usable terms", () => {
  const now = new Date("2019-08-01T00:00:00Z");

  it("is null when the agreement does not auto-renew or data is missing", () => {
    expect(nextNoticeDeadline({ ...gsomia, autoRenews: false }, now)).toBeNull();
    expect(nextNoticeDeadline({ ...gsomia, autoRenews: null }, now)).toBeNull();
    expect(nextNoticeDeadline({ ...gsomia, inForceOn: null }, now)).toBeNull();
    expect(nextNoticeDeadline({ ...gsomia, termMonths: null }, now)).toBeNull();
    expect(nextNoticeDeadline({ ...gsomia, noticeDays: null }, now)).toBeNull();
  });

  it("is null when the data is nonsense", () => {
    expect(nextNoticeDeadline({ ...gsomia, inForceOn: "2016-02-30" }, now)).toBeNull();
    expect(nextNoticeDeadline({ ...gsomia, inForceOn: new Date(Number.NaN) }, now)).toBeNull();
    expect(nextNoticeDeadline({ ...gsomia, termMonths: 0 }, now)).toBeNull();
    expect(nextNoticeDeadline({ ...gsomia, noticeDays: -1 }, now)).toBeNull();
    expect(nextNoticeDeadline({ ...gsomia, timeZone: "Korea/Seoul" }, now)).toBeNull();
  });
});

describe("isNoticeDeadlineRelevant", () => {
  it("holds only while a term is running", () => {
    expect(isNoticeDeadlineRelevant(Status.IN_FORCE)).toBe(true);
    expect(isNoticeDeadlineRelevant(Status.RESTORED)).toBe(true);
    expect(isNoticeDeadlineRelevant(Status.PROVISIONALLY_EXTENDED)).toBe(true);
    for (const status of [Status.NOTICE_GIVEN, Status.TERMINATED, Status.SUSPENDED, Status.SIGNED, Status.NEGOTIATING]) {
      expect(isNoticeDeadlineRelevant(status)).toBe(false);
    }
    expect(isNoticeDeadlineRelevant(null)).toBe(false);
  });
});
