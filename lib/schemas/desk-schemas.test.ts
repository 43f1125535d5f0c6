import { describe, expect, it } from "vitest";
import { ZAgreement } from "./agreement";
import { ZParty } from "./party";
import { ZSourceFromUrl } from "./source";
import { fieldErrorsOf } from "./test-helpers";
import { ZTradeMeasure } from "./trade-measure";

const agreement = {
  title: "General Security of Military Information Agreement",
  shortName: "GSOMIA",
  kind: "SECURITY",
  partyCodes: ["JPN", "KOR"],
  signedOn: "2016-11-23",
  inForceOn: "2016-11-23",
  termMonths: "12",
  autoRenews: "on",
  noticeDays: "90",
  timeZone: "Asia/Seoul",
  summary: "",
};

describe("ZAgreement", () => {
  it("reads the form: dates, numbers, the checkbox, and a single party as a list", () => {
    const parsed = ZAgreement.parse(agreement);
    expect(parsed).toMatchObject({ termMonths: 12, noticeDays: 90, autoRenews: true, partyCodes: ["JPN", "KOR"] });
    expect(parsed.signedOn?.toISOString()).toBe("2016-11-23T00:00:00.000Z");
    expect(ZAgreement.parse({ ...agreement, autoRenews: undefined, termMonths: "" })).toMatchObject({ autoRenews: false, termMonths: null });
  });

  it("needs two parties, a valid order of dates, and a term when it renews itself", () => {
    expect(fieldErrorsOf(ZAgreement, { ...agreement, partyCodes: "JPN" })).toEqual({ partyCodes: ["Choose at least two parties"] });
    expect(fieldErrorsOf(ZAgreement, { ...agreement, inForceOn: "2016-11-01" })).toEqual({ inForceOn: ["An agreement cannot enter into force before it is signed"] });
    expect(fieldErrorsOf(ZAgreement, { ...agreement, termMonths: "" })).toEqual({ termMonths: ["An agreement that renews automatically needs a term in months"] });
    expect(fieldErrorsOf(ZAgreement, { ...agreement, noticeDays: "ninety" }).noticeDays?.[0]).toMatch(/whole number of days/);
  });
});

describe("ZTradeMeasure", () => {
  const measure = {
    title: "Japan tightens export controls on three chemicals",
    imposingPartyCode: "JPN",
    targetPartyCodes: ["KOR"],
    measureType: "EXPORT_CONTROL",
    products: "Fluorinated polyimide, photoresists, hydrogen fluoride",
    hsCodes: "2811.11, 3707.90",
    announcedOn: "2019-07-01",
    effectiveOn: "2019-07-04",
    timeZone: "Asia/Tokyo",
    summary: "",
    links: [{ type: "RELATED", target: "agreement:gsomia", note: "" }, { type: "", target: "", note: "" }],
  };

  it("reads HS codes from text and drops empty link rows", () => {
    const parsed = ZTradeMeasure.parse(measure);
    expect(parsed.hsCodes).toEqual(["2811.11", "3707.90"]);
    expect(parsed.links).toEqual([{ type: "RELATED", targetKind: "AGREEMENT", targetSlug: "gsomia", note: "", formIndex: 0 }]);
  });

  it("refuses wrong HS codes and a measure targeting the party imposing it", () => {
    expect(fieldErrorsOf(ZTradeMeasure, { ...measure, hsCodes: "28x" }).hsCodes?.[0]).toMatch(/28x is not an HS code/);
    expect(fieldErrorsOf(ZTradeMeasure, { ...measure, targetPartyCodes: ["JPN", "KOR"] })).toEqual({ targetPartyCodes: ["A measure cannot target the party that imposes it"] });
  });
});

describe("ZParty and ZSourceFromUrl", () => {
  it("checks state codes against ISO 3166-1 alpha-3", () => {
    expect(ZParty.parse({ code: " jpn ", name: "Japan", kind: "STATE", aliases: "Nippon\nNihon\n" })).toMatchObject({ code: "JPN", aliases: ["Nippon", "Nihon"] });
    expect(fieldErrorsOf(ZParty, { code: "JPX", name: "Japan", kind: "STATE" }).code?.[0]).toMatch(/not an ISO 3166-1 alpha-3 code/);
    expect(ZParty.safeParse({ code: "ASEAN", name: "Association of Southeast Asian Nations", kind: "ORGANIZATION" }).success).toBe(true);
  });

  it("accepts only http and https links as sources", () => {
    expect(fieldErrorsOf(ZSourceFromUrl, { url: "javascript:alert(document.cookie)" })).toEqual({ url: ["Only http and https links can be sources (this one is a javascript: link)"] });
    expect(fieldErrorsOf(ZSourceFromUrl, { url: "" })).toEqual({ url: ["Paste the source's link"] });
    expect(ZSourceFromUrl.parse({ url: "https://example.org/a", authors: "Choe Sang-Hun" }).authors).toEqual(["Choe Sang-Hun"]);
  });
});
