import { describe, expect, it } from "vitest";
import { daysBetween, pairKey, pairMirrorMeasures, type TMirrorMeasure } from "./mirror-pairing";

const measure = (id: string, imposingCode: string, overrides: Partial<TMirrorMeasure> = {}): TMirrorMeasure => ({
  id,
  slug: id,
  title: id,
  imposingCode,
  measureType: "PREFERENTIAL_LIST_REMOVAL",
  announcedOn: null,
  inForceOn: null,
  liftedOn: null,
  ...overrides,
});

// The demo data's white lists (../shared/reference/gsomia-episode.md): Japan's removal announced
// 2 Aug, in force 28 Aug 2019, lifted 21 Jul 2023; South Korea's announced 12 Aug, in force
// 18 Sep 2019, lifted 24 Apr 2023; South Korea's is linked RETALIATION_FOR Japan's.
const japanWhiteList = measure("jp-white", "JPN", { announcedOn: "2019-08-02", inForceOn: "2019-08-28", liftedOn: "2023-07-21" });
const koreaWhiteList = measure("kr-white", "KOR", { announcedOn: "2019-08-12", inForceOn: "2019-09-18", liftedOn: "2023-04-24" });
const japanChips = measure("jp-chips", "JPN", { measureType: "EXPORT_CONTROL", announcedOn: "2019-07-01", inForceOn: "2019-07-04", liftedOn: "2023-03-23" });

describe("daysBetween", () => {
  it("counts calendar days, across month ends and leap days, negative backwards", () => {
    expect(daysBetween("2019-08-28", "2019-09-18")).toBe(21);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2023-07-21", "2023-04-24")).toBe(-88);
  });
  it("is null when a date is missing or not a real day", () => {
    expect(daysBetween(null, "2019-09-18")).toBeNull();
    expect(daysBetween("2019-02-30", "2019-09-18")).toBeNull();
  });
});

describe("pairMirrorMeasures", () => {
  it("pairs the demo white lists by their link, with the 2019 and 2023 lags", () => {
    const { pairs, unpaired } = pairMirrorMeasures({ measures: [japanChips, japanWhiteList, koreaWhiteList], links: [{ answerId: "kr-white", originalId: "jp-white" }] });
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ basis: "LINKED", original: { id: "jp-white" }, answer: { id: "kr-white" } });
    // 10 days between announcements, 21 between entries into force; South Korea lifted 88 days first.
    expect(pairs[0]!.lags).toEqual({ announcement: 10, inForce: 21, lifting: -88 });
    expect(unpaired.map((m) => m.id)).toEqual(["jp-chips"]);
  });

  it("proposes unlinked measures of the same type, opposite imposers, closest first, each once", () => {
    const a = measure("a", "JPN", { announcedOn: "2020-01-01" });
    const b = measure("b", "KOR", { announcedOn: "2020-01-11" });
    const c = measure("c", "KOR", { announcedOn: "2020-01-03" });
    const d = measure("d", "JPN", { announcedOn: "2020-01-20", measureType: "TARIFF" });
    const { pairs, unpaired } = pairMirrorMeasures({ measures: [a, b, c, d], links: [] });
    expect(pairs.map((p) => [p.basis, p.original.id, p.answer.id])).toEqual([["PROPOSED", "a", "c"]]);
    expect(pairs[0]!.lags.announcement).toBe(2);
    expect(unpaired.map((m) => m.id)).toEqual(["b", "d"]);
  });

  it("makes the earlier measure the original whichever party imposed it, and falls back on entry into force", () => {
    const a = measure("a", "JPN", { inForceOn: "2021-05-10" });
    const b = measure("b", "KOR", { announcedOn: "2021-05-01" });
    const { pairs } = pairMirrorMeasures({ measures: [a, b], links: [] });
    expect(pairs[0]).toMatchObject({ original: { id: "b" }, answer: { id: "a" }, lags: { announcement: null, inForce: null } });
  });

  it("never proposes a dismissed pair, measures further apart than the window, or the same party's measures", () => {
    const a = measure("a", "JPN", { announcedOn: "2020-01-01" });
    const b = measure("b", "KOR", { announcedOn: "2020-01-05" });
    const far = measure("far", "KOR", { announcedOn: "2021-01-05" });
    const same = measure("same", "JPN", { announcedOn: "2020-01-02" });
    expect(pairMirrorMeasures({ measures: [a, b], links: [], dismissed: new Set([pairKey("b", "a")]) }).pairs).toEqual([]);
    expect(pairMirrorMeasures({ measures: [a, far, same], links: [] }).pairs).toEqual([]);
  });

  it("keeps every link of a measure answering several, ignores same-party links, duplicates and unknown ids, and does not propose linked measures", () => {
    const second = measure("jp-second", "JPN", { announcedOn: "2019-08-10" });
    const { pairs } = pairMirrorMeasures({
      measures: [japanWhiteList, koreaWhiteList, second],
      links: [
        { answerId: "kr-white", originalId: "jp-white" },
        { answerId: "kr-white", originalId: "jp-white" },
        { answerId: "kr-white", originalId: "jp-second" },
        { answerId: "jp-second", originalId: "jp-white" },
        { answerId: "missing", originalId: "jp-white" },
      ],
    });
    expect(pairs.map((p) => [p.basis, p.original.id, p.answer.id])).toEqual([
      ["LINKED", "jp-white", "kr-white"],
      ["LINKED", "jp-second", "kr-white"],
    ]);
  });
});

describe("describeLag", () => {
  it("reads a lag from the answer's side", async () => {
    const { describeLag } = await import("./mirror-pairing");
    expect([21, -88, 1, 0, null].map(describeLag)).toEqual(["21 days later", "88 days earlier", "1 day later", "the same day", "—"]);
  });
});
