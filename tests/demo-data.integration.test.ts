import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../prisma/seed/seed-database";
import { getAgreement } from "../lib/server/agreements/get-agreement";
import { listAgreements } from "../lib/server/agreements/list-agreements";
import { listPendingDeadlines } from "../lib/server/overview/list-pending-deadlines";
import { listLatestDevelopments } from "../lib/server/developments/list-latest-developments";
import { listPublishedChanges } from "../lib/server/status-changes/list-published-changes";
import { countByStatus } from "../lib/server/overview/count-by-status";
import { listCorrections } from "../lib/server/corrections/list-corrections";
import { getPublishedChange } from "../lib/server/status-changes/get-published-change";
import { useTestDatabase } from "./support/test-database";

const database = useTestDatabase();
const at = (iso: string) => new Date(iso);

// Loading takes seconds, so the file loads the demo data once, on first need: every test that
// reads it asks for it, and passes when run alone (-t).
let firstLoad: ReturnType<typeof seedDemoData> | undefined;
const demoData = () => (firstLoad ??= seedDemoData(database.db));

describe("demo data", () => {
  it("loads the ISO states, GSOMIA, the three trade measures and their cited histories", async () => {
    const result = await demoData();
    expect(result.loaded).toBe(true);

    expect(await database.db.party.count({ where: { kind: "STATE" } })).toBeGreaterThanOrEqual(249);
    const korea = await database.db.party.findUniqueOrThrow({ where: { code: "KOR" } });
    expect(korea.name).toBe("South Korea");

    const gsomia = await database.db.agreement.findUniqueOrThrow({
      where: { slug: "gsomia" },
      include: { statusChanges: { where: { state: "PUBLISHED" }, include: { citations: true } } },
    });
    expect(gsomia.statusChanges.length).toBeGreaterThanOrEqual(8);
    const measures = await database.db.tradeMeasure.findMany({ select: { slug: true } });
    expect(measures.map((measure) => measure.slug).sort()).toEqual([
      "japan-export-controls-semiconductor-materials",
      "japan-removes-korea-from-white-list",
      "korea-removes-japan-from-white-list",
    ]);

    const uncited = await database.db.statusChange.count({ where: { citations: { none: {} } } });
    expect(uncited).toBe(0);
    expect(await database.db.source.count()).toBeGreaterThanOrEqual(10);
    const nyt = await database.db.source.findUniqueOrThrow({
      where: { url: "https://www.nytimes.com/2019/11/22/world/asia/japan-south-korea-intelligence.html" },
      include: { citations: { include: { statusChange: true } } },
    });
    expect(nyt.publisher).toBe("The New York Times");
    expect(nyt.citations.some((citation) => citation.statusChange.status === "PROVISIONALLY_EXTENDED")).toBe(true);

    // One publication event per entry, and one more per source erratum the seed marks.
    const changes = await database.db.statusChange.count();
    const published = await database.db.auditEvent.count({ where: { entityType: "StatusChange", action: "status-change:publish" } });
    expect(published).toBe(changes);
    const errata = await database.db.citation.count({ where: { erratum: { not: null } } });
    expect(errata).toBe(1);
    expect(await database.db.auditEvent.count({ where: { entityType: "StatusChange" } })).toBe(changes + errata);
  });

  it("carries a real source erratum, beside its citation and in the corrections log (docs/demo-data-sources.md, Errata)", async () => {
    await demoData();
    const citation = await database.db.citation.findFirstOrThrow({
      where: { erratum: { not: null } },
      include: { source: true, statusChange: { select: { id: true, headline: true, version: true } } },
    });
    expect(citation.source.publisher).toBe("News360");
    expect(citation.erratum).toContain("“South Korea unilaterally withdrew from the agreement in 2019”");
    expect(citation.statusChange.headline).toBe("Yoon declares complete normalisation of GSOMIA at Tokyo summit");
    expect(citation.statusChange.version).toBe(2);
    expect(citation.erratumAt).not.toBeNull();

    const reading = await getPublishedChange(null, citation.statusChange.id);
    expect(reading.citations.find((cited) => cited.erratum)?.erratum).toBe(citation.erratum);
    const { items } = await listCorrections(null, { kind: "SOURCE_ERRATUM" });
    const logged = items.find((item) => item.entry.id === citation.statusChange.id);
    expect(logged?.reason).toBe(citation.erratum);
    // The publication's revision is there, so the log shows what changed rather than a whole entry.
    expect(logged?.before).not.toBeNull();
  });

  it("does nothing when loaded a second time", async () => {
    await demoData();
    const before = await database.db.statusChange.count();
    const again = await seedDemoData(database.db);
    expect(again.loaded).toBe(false);
    expect(await database.db.statusChange.count()).toBe(before);
  });
});

describe("GSOMIA as a reader sees it", () => {
  beforeAll(() => demoData());

  it("is restored today, with the next notice deadline on 24 August 2027", async () => {
    const gsomia = await getAgreement(null, "gsomia", at("2026-11-29T12:00:00Z"));
    expect(gsomia.status.current?.status).toBe("RESTORED");
    expect(gsomia.status.pending).toEqual([]);
    expect(gsomia.noticeDeadline?.lastDayToGiveNotice).toBe("2027-08-24");
    expect(gsomia.parties.map((party) => party.code).sort()).toEqual(["JPN", "KOR"]);
    const history = await listPublishedChanges(null, { agreement: "gsomia" }, { limit: 50, now: at("2026-11-29T12:00:00Z") });
    const nov22 = history.entries.find((entry) => entry.status === "PROVISIONALLY_EXTENDED" && entry.occurredAt.toISOString() === "2019-11-21T15:00:00.000Z");
    expect(nov22?.citations.length).toBeGreaterThanOrEqual(2);
  });

  it("had notice given with the termination pending in October 2019", async () => {
    const gsomia = await getAgreement(null, "gsomia", at("2019-10-01T00:00:00Z"));
    expect(gsomia.status.current?.status).toBe("NOTICE_GIVEN");
    expect(gsomia.status.pending.map((entry) => entry.status)).toEqual(["TERMINATED"]);
    expect(gsomia.status.pending[0]?.effectiveAt.toISOString()).toBe("2019-11-22T15:00:00.000Z");
    expect(gsomia.noticeDeadline).toBeNull();
  });

  it("was provisionally extended after 22 November 2019, the termination cancelled", async () => {
    const gsomia = await getAgreement(null, "gsomia", at("2019-12-01T00:00:00Z"));
    expect(gsomia.status.current?.status).toBe("PROVISIONALLY_EXTENDED");
    expect(gsomia.status.pending).toEqual([]);
    expect(gsomia.status.cancelled).toHaveLength(1);
    const [cancellation] = gsomia.status.cancelled;
    const byId = new Map(gsomia.skeleton.map((entry) => [entry.id, entry]));
    expect(byId.get(cancellation!.changeId)).toMatchObject({ status: "TERMINATED", effectiveAt: new Date("2019-11-22T15:00:00.000Z") });
    expect(byId.get(cancellation!.cancelledById)).toMatchObject({ status: "PROVISIONALLY_EXTENDED" });
  });

  it("answers NOT_FOUND for an unknown slug", async () => {
    await expect(getAgreement(null, "no-such-pact")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("overview", () => {
  beforeAll(() => demoData());

  it("lists agreements with their current status", async () => {
    const agreements = (await listAgreements(null, {}, { now: at("2026-11-29T00:00:00Z") })).items;
    expect(agreements.find((agreement) => agreement.slug === "gsomia")?.current?.status).toBe("RESTORED");
  });

  it("shows the GSOMIA termination as a pending deadline in September 2019, and not after it was cancelled", async () => {
    const september = await listPendingDeadlines(null, { now: at("2019-09-01T00:00:00Z") });
    expect(september.some((deadline) => deadline.kind === "scheduled-change" && deadline.status === "TERMINATED")).toBe(true);
    const later = await listPendingDeadlines(null, { now: at("2019-11-22T12:00:00Z") });
    expect(later.some((deadline) => deadline.kind === "scheduled-change")).toBe(false);
    const today = await listPendingDeadlines(null, { now: at("2026-11-29T00:00:00Z") });
    expect(today).toContainEqual(expect.objectContaining({ kind: "notice-deadline", lastDayToGiveNotice: "2027-08-24" }));
  });

  it("lists the latest developments newest first and counts subjects by status", async () => {
    const latest = await listLatestDevelopments(null, { now: at("2026-11-29T00:00:00Z"), limit: 5 });
    expect(latest).toHaveLength(5);
    const times = latest.map((development) => development.occurredAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const termination = (when: string) =>
      listLatestDevelopments(null, { now: at(when), limit: 50 }).then((all) => all.find((development) => development.status === "TERMINATED"));
    expect((await termination("2019-09-01T00:00:00Z"))?.schedule).toBe("pending");
    expect((await termination("2019-12-01T00:00:00Z"))?.schedule).toBe("cancelled");
    const counts = await countByStatus(null, at("2026-11-29T00:00:00Z"));
    expect(counts.agreements).toContainEqual({ status: "RESTORED", count: 1 });
    expect(counts.measures).toEqual([{ status: "LIFTED", count: 3 }]);
  });
});
