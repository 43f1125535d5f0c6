import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "./test-helpers";
import { ZEditStatusChange, ZLogStatusChange, ZRetractStatusChange } from "./status-change";

const citation = { url: "https://www.nytimes.com/2019/11/22/world/asia/japan-south-korea-intelligence.html", title: "At Last Minute", publisher: "The New York Times", credibility: "2" };

function logForm(overrides: Record<string, unknown> = {}) {
  return {
    subject: "agreement:gsomia",
    status: "PROVISIONALLY_EXTENDED",
    headline: "GSOMIA extended provisionally",
    body: "",
    occurredOn: "2019-11-22",
    timeZone: "Asia/Seoul",
    effectiveAt: "",
    effectiveTimeZone: "",
    direction: "DE_ESCALATION",
    cancelsId: "",
    intent: "publish",
    citations: [citation, { url: "", title: "", publisher: "", quote: "", locator: "", credibility: "6" }],
    ...overrides,
  };
}

describe("ZLogStatusChange", () => {
  it("reads a form: dates in the zone, blank citation rows dropped, each row keeping its form index", () => {
    const parsed = ZLogStatusChange.parse(logForm());
    expect(parsed.subject).toEqual({ kind: "AGREEMENT", slug: "gsomia" });
    expect(parsed.occurredAt.toISOString()).toBe("2019-11-21T15:00:00.000Z");
    expect(parsed.occurredPrecision).toBe("DAY");
    expect(parsed.effectiveAt).toBeNull();
    expect(parsed.citations).toHaveLength(1);
    expect(parsed.citations[0]).toMatchObject({ formIndex: 0, credibility: 2, quote: null, kind: "NEWS" });
  });

  it("takes month and year precision, and an effective time in another zone", () => {
    const parsed = ZLogStatusChange.parse(logForm({ occurredOn: "2019-08", effectiveAt: "2019-11-23T00:00", effectiveTimeZone: "Asia/Tokyo" }));
    expect(parsed.occurredPrecision).toBe("MONTH");
    expect(parsed.occurredAt.toISOString()).toBe("2019-07-31T15:00:00.000Z");
    expect(parsed.effectiveAt?.toISOString()).toBe("2019-11-22T15:00:00.000Z");
    expect(ZLogStatusChange.parse(logForm({ occurredOn: "2019" })).occurredPrecision).toBe("YEAR");
  });

  it("refuses publishing without a citation", () => {
    expect(fieldErrorsOf(ZLogStatusChange, logForm({ citations: [] }))).toEqual({ citations: ["Add at least one citation before publishing"] });
    expect(ZLogStatusChange.safeParse(logForm({ citations: [], intent: "draft" })).success).toBe(true);
  });

  it("refuses a status the subject cannot take, naming the ones it can", () => {
    expect(fieldErrorsOf(ZLogStatusChange, logForm({ subject: "measure:japan-export-controls", status: "NOTICE_GIVEN" }))).toEqual({
      status: ["A trade measure cannot be ‘Notice given’: choose Announced, In force, Eased, Suspended or Lifted"],
    });
  });

  it("refuses an occurred date in the future, or one that is not a date", () => {
    const nextYear = String(new Date().getUTCFullYear() + 1);
    expect(fieldErrorsOf(ZLogStatusChange, logForm({ occurredOn: `${nextYear}-01-01` }))).toEqual({ occurredOn: ["The occurred date cannot be in the future"] });
    expect(fieldErrorsOf(ZLogStatusChange, logForm({ occurredOn: "2019-02-30" }))).toEqual({ occurredOn: ["2019-02-30 is not a day in the calendar."] });
    expect(fieldErrorsOf(ZLogStatusChange, logForm({ occurredOn: "" }))).toEqual({ occurredOn: ["Enter when it happened: YYYY-MM-DD, YYYY-MM or YYYY"] });
    expect(ZLogStatusChange.safeParse(logForm({ occurredOn: "2019-11-22", effectiveAt: "2099-01-01T00:00" })).success).toBe(true);
  });

  it("refuses javascript: and other non-web links as sources", () => {
    expect(fieldErrorsOf(ZLogStatusChange, logForm({ citations: [{ ...citation, url: "javascript:alert(1)" }] }))).toEqual({
      "citations.0.url": ["Only http and https links can be sources (this one is a javascript: link)"],
    });
    expect(fieldErrorsOf(ZLogStatusChange, logForm({ citations: [{ ...citation, url: "ftp://example.org/a" }] }))["citations.0.url"]?.[0]).toMatch(/^Only http and https links can be sources/);
  });

  it("refuses a 5 MB body with a message saying the limit", () => {
    expect(fieldErrorsOf(ZLogStatusChange, logForm({ body: "x".repeat(5 * 1024 * 1024) }))).toEqual({ body: ["The body is limited to 20,000 characters"] });
  });

  it("reports every mistake at once, each at its field", () => {
    const errors = fieldErrorsOf(
      ZLogStatusChange,
      logForm({ headline: " ", subject: "measure:x", status: "SIGNED", occurredOn: "2999", citations: [{ quote: "a quote but no source", credibility: "9" }] }),
    );
    expect(Object.keys(errors).sort()).toEqual(["citations.0.credibility", "citations.0.url", "headline", "occurredOn", "status"]);
    expect(errors.headline).toEqual(["Write a headline"]);
  });

  it("refuses an unknown time zone and a malformed effective time", () => {
    expect(fieldErrorsOf(ZLogStatusChange, logForm({ timeZone: "Mars/Olympus" })).timeZone?.[0]).toMatch(/Choose a time zone/);
    expect(fieldErrorsOf(ZLogStatusChange, logForm({ effectiveAt: "tomorrow" })).effectiveAt?.[0]).toMatch(/YYYY-MM-DDTHH:mm/);
  });

  it("reads JSON as well as forms: numbers for grades, null for empty fields", () => {
    const parsed = ZLogStatusChange.parse({ ...logForm(), body: null, cancelsId: null, citations: [{ ...citation, credibility: 1 }] });
    expect(parsed.citations[0]?.credibility).toBe(1);
    expect(parsed.body).toBe("");
  });
});

describe("ZEditStatusChange and ZRetractStatusChange", () => {
  it("need the id and the version the form was opened at", () => {
    const id = "0193b0a0-0000-7000-8000-000000000000";
    const { subject: _subject, ...fields } = logForm();
    expect(ZEditStatusChange.parse({ ...fields, id, version: "3", intent: "save" }).version).toBe(3);
    expect(Object.keys(fieldErrorsOf(ZEditStatusChange, { ...fields, id: "nope", intent: "save" })).sort()).toEqual(["id", "version"]);
    expect(fieldErrorsOf(ZRetractStatusChange, { id, version: "2", reason: "" })).toEqual({ reason: ["Say why the entry is retracted: readers see the reason"] });
  });
});
