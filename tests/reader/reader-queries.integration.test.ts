import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../prisma/seed/seed-database";
import { ZAgreementListQuery, ZDevelopmentQuery, ZMeasureListQuery } from "../../lib/schemas/reader-queries";
import { getAgreement } from "../../lib/server/agreements/get-agreement";
import { listAgreements } from "../../lib/server/agreements/list-agreements";
import { listMeasures } from "../../lib/server/measures/list-measures";
import { getParty } from "../../lib/server/parties/get-party";
import { listParties } from "../../lib/server/parties/list-parties";
import { getRelation } from "../../lib/server/relations/get-relation";
import { searchEverything } from "../../lib/server/search/search-everything";
import { getSource } from "../../lib/server/sources/get-source";
import { listSources } from "../../lib/server/sources/list-sources";
import { listPublishedChanges } from "../../lib/server/status-changes/list-published-changes";
import { getPublishedChange } from "../../lib/server/status-changes/get-published-change";
import { useTestDatabase } from "../support/test-database";

const database = useTestDatabase();
const now = new Date("2026-11-29T12:00:00Z");
const agreementSlugs = async (query: string) => {
  const filters = ZAgreementListQuery.parse(Object.fromEntries(new URLSearchParams(query)));
  return (await listAgreements(null, filters, { now })).items.map((agreement) => agreement.slug);
};
const measureSlugs = async (query: string) => {
  const filters = ZMeasureListQuery.parse(Object.fromEntries(new URLSearchParams(query)));
  return (await listMeasures(null, filters, { now })).items.map((measure) => measure.slug).sort();
};

beforeAll(async () => {
  await seedDemoData(database.db);
});

describe("search", () => {
  it("finds GSOMIA by its short name and by what its developments say", async () => {
    expect(await agreementSlugs("q=gsomia")).toEqual(["gsomia"]);
    expect(await agreementSlugs("q=GSOMIA")).toEqual(["gsomia"]);
    // The agreement's own text never says "intelligence"; its developments do.
    expect(await agreementSlugs("q=intelligence pact")).toEqual(["gsomia"]);
    expect(await agreementSlugs("q=intelligence")).toEqual(["gsomia"]);
    expect(await agreementSlugs("q=tariff quota")).toEqual([]);
  });

  it("finds the export controls, whichever form of the words is used", async () => {
    const all = ["japan-export-controls-semiconductor-materials", "japan-removes-korea-from-white-list", "korea-removes-japan-from-white-list"];
    expect(await measureSlugs("q=export controls")).toEqual(all);
    expect(await measureSlugs("q=export control")).toEqual(all);
    expect(await measureSlugs("q=hydrogen fluoride")).toEqual(["japan-export-controls-semiconductor-materials"]);
  });

  it("searches everything at once: agreements, measures, developments, sources and parties", async () => {
    const results = await searchEverything(null, "intelligence", now);
    expect(results.agreements.items.map((agreement) => agreement.slug)).toEqual(["gsomia"]);
    expect(results.developments.entries.length).toBeGreaterThan(0);
    expect(results.sources.items.some((source) => source.publisher === "The New York Times")).toBe(true);
    const korea = await searchEverything(null, "korea", now);
    expect(korea.parties.items.map((party) => party.code)).toContain("KOR");
  });
});

describe("filters", () => {
  it("narrows agreements by party, kind, current status and a change in a date range", async () => {
    expect(await agreementSlugs("party=JPN&party=KOR")).toEqual(["gsomia"]);
    expect(await agreementSlugs("party=USA")).toEqual([]);
    expect(await agreementSlugs("kind=SECURITY")).toEqual(["gsomia"]);
    expect(await agreementSlugs("kind=TRADE")).toEqual([]);
    expect(await agreementSlugs("status=RESTORED")).toEqual(["gsomia"]);
    expect(await agreementSlugs("status=TERMINATED")).toEqual([]);
    expect(await agreementSlugs("from=2019&to=2019")).toEqual(["gsomia"]);
    expect(await agreementSlugs("from=2024")).toEqual([]);
  });

  it("narrows measures by who imposes them, on whom, type and status", async () => {
    expect(await measureSlugs("imposing=KOR")).toEqual(["korea-removes-japan-from-white-list"]);
    expect(await measureSlugs("target=KOR")).toEqual(["japan-export-controls-semiconductor-materials", "japan-removes-korea-from-white-list"]);
    expect(await measureSlugs("type=EXPORT_CONTROL")).toEqual(["japan-export-controls-semiconductor-materials"]);
    expect(await measureSlugs("status=LIFTED")).toHaveLength(3);
    expect(await measureSlugs("status=IN_FORCE")).toEqual([]);
  });

  it("reads filters from the address leniently on pages and strictly in the API", async () => {
    expect(ZDevelopmentQuery.safeParse({ status: "NOT_A_STATUS" }).success).toBe(false);
    expect(ZDevelopmentQuery.parse({ status: "SUSPENDED,TERMINATED", pair: "kor-jpn" })).toMatchObject({
      status: ["SUSPENDED", "TERMINATED"],
      pair: ["KOR", "JPN"],
    });
    expect(ZDevelopmentQuery.safeParse({ from: "2020", to: "2019" }).success).toBe(false);
  });

  it("filters a history by direction, status and dates", async () => {
    const escalations = await listPublishedChanges(null, { pair: ["JPN", "KOR"], direction: ["ESCALATION"] }, { limit: 50, now });
    expect(escalations.entries.length).toBeGreaterThan(0);
    expect(escalations.entries.every((entry) => entry.direction === "ESCALATION")).toBe(true);
    const in2023 = await listPublishedChanges(null, ZDevelopmentQuery.parse({ agreement: "gsomia", from: "2023", to: "2023" }), { limit: 50, now });
    expect(in2023.entries.map((entry) => entry.status)).toEqual(["RESTORED", "PROVISIONALLY_EXTENDED"]);
  });
});

describe("pages of a history", () => {
  it("walks GSOMIA's history three at a time, newest first, every entry once, each with its citations", async () => {
    const seen: string[] = [];
    const times: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await listPublishedChanges(null, { agreement: "gsomia" }, { limit: 3, now, cursor });
      expect(page.entries.length).toBeLessThanOrEqual(3);
      for (const entry of page.entries) {
        seen.push(entry.id);
        times.push(entry.effectiveTime.getTime());
        expect(entry.citations.length).toBeGreaterThan(0);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(await database.db.statusChange.count({ where: { agreement: { slug: "gsomia" } } }));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("marks the cancelled GSOMIA termination and keeps its New York Times citation on the 22 November entry", async () => {
    const { entries } = await listPublishedChanges(null, { agreement: "gsomia" }, { limit: 50, now });
    expect(entries.find((entry) => entry.status === "TERMINATED")?.schedule).toBe("cancelled");
    const nov22 = entries.find((entry) => entry.status === "PROVISIONALLY_EXTENDED" && entry.occurredAt.toISOString() === "2019-11-21T15:00:00.000Z")!;
    expect(nov22.citations[0]?.source).toMatchObject({ publisher: "The New York Times", reliability: "B" });
    expect((await getPublishedChange(null, nov22.id, now)).headline).toBe(nov22.headline);
  });

  it("refuses a tampered cursor", async () => {
    await expect(listPublishedChanges(null, {}, { cursor: "bm90LWEtY3Vyc29y" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("pages lists of agreements, parties and sources by keyset", async () => {
    const first = await listParties(null, { scope: "all" }, { limit: 100 });
    const second = await listParties(null, { scope: "all" }, { limit: 100, cursor: first.nextCursor! });
    expect(first.items).toHaveLength(100);
    expect(second.items.some((party) => first.items.some((other) => other.code === party.code))).toBe(false);
    expect(second.items[0]!.name.toLowerCase() >= first.items[99]!.name.toLowerCase()).toBe(true);

    const sources: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listSources(null, {}, { limit: 7, cursor });
      sources.push(...page.items.map((source) => source.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(sources).size).toBe(await database.db.source.count());
  });
});

describe("subject pages", () => {
  it("gives GSOMIA's timeline: in force, notice, provisionally extended, restored", async () => {
    const gsomia = await getAgreement(null, "gsomia", now);
    const statuses = gsomia.timeline.bands.map((band) => band.status);
    expect(statuses.slice(-4)).toEqual(["IN_FORCE", "NOTICE_GIVEN", "PROVISIONALLY_EXTENDED", "RESTORED"]);
    expect(gsomia.related.map((item) => item.slug).sort()).toEqual(["japan-export-controls-semiconductor-materials", "japan-removes-korea-from-white-list"]);
  });

  it("shows the relation between Japan and South Korea from either order, with yearly counts", async () => {
    const relation = await getRelation(null, ["KOR", "JPN"], now);
    expect(relation.pair).toBe("JPN-KOR");
    expect(relation.agreements.map((agreement) => agreement.slug)).toEqual(["gsomia"]);
    expect(relation.measures).toHaveLength(3);
    expect(relation.lanes).toHaveLength(4);
    const year2019 = relation.years.find((year) => year.year === 2019)!;
    expect(year2019.escalations).toBeGreaterThanOrEqual(6);
    expect(year2019.deEscalations).toBeGreaterThanOrEqual(2);
    await expect(getRelation(null, ["JPN", "XXX"], now)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists a party's agreements, measures and relations", async () => {
    const japan = await getParty(null, "JPN", now);
    expect(japan.agreements.map((agreement) => agreement.slug)).toEqual(["gsomia"]);
    expect(japan.measures.filter((measure) => measure.isImposing)).toHaveLength(2);
    expect(japan.counterparts).toEqual([expect.objectContaining({ code: "KOR", agreements: 1, measuresImposed: 2, measuresReceived: 1 })]);
  });

  it("shows what cites a source, and redirects a merged duplicate", async () => {
    const nyt = await database.db.source.findFirstOrThrow({ where: { publisher: "The New York Times" } });
    const page = await getSource(null, nyt.id);
    if ("mergedInto" in page) throw new Error("the New York Times source is not merged");
    expect(page.citedBy[0]?.headline).toBe("Seoul suspends GSOMIA termination hours before expiry");
    const duplicate = await database.db.source.create({ data: { url: "https://example.org/duplicate", title: "Duplicate", publisher: "Example", mergedIntoId: nyt.id, mergedAt: now } });
    expect(await getSource(null, duplicate.id)).toEqual({ mergedInto: nyt.id });
    await expect(getSource(null, "not-a-uuid")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
