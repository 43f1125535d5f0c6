import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../prisma/seed/seed-database";
import { ZConfirmMirrorPair, ZDismissMirrorPair } from "../../lib/schemas/mirror-pair";
import { confirmMirrorPair } from "../../lib/server/relations/confirm-mirror-pair";
import { dismissMirrorPair } from "../../lib/server/relations/dismiss-mirror-pair";
import { getMirror } from "../../lib/server/relations/get-mirror";
import { createTestUser } from "../support/desk-factories";
import { useTestDatabase } from "../support/test-database";

// The mirror view on the demo data, and an analyst's judgment of a proposal: confirming writes a
// RETALIATION_FOR link with the answer's revision and audit; dismissing hides the proposal for good.

const database = useTestDatabase();
const PAIR = ["JPN", "KOR"] as const;
const lagsOf = (mirror: Awaited<ReturnType<typeof getMirror>>) =>
  mirror.pairs.map((pair) => ({ basis: pair.basis, original: pair.original.slug, answer: pair.answer.slug, ...pair.lags }));

/** Two tariffs a week apart, one each way, that no link joins: the mirror view proposes them. */
async function makeTariffs() {
  const [japan, korea] = await Promise.all(["JPN", "KOR"].map((code) => database.db.party.findUniqueOrThrow({ where: { code } })));
  const tariff = (slug: string, imposer: { id: string }, target: { id: string }, announcedOn: string) =>
    database.db.tradeMeasure.create({
      data: { slug, title: slug, measureType: "TARIFF", imposingPartyId: imposer.id, announcedOn: new Date(`${announcedOn}T00:00:00Z`), targets: { create: { partyId: target.id } } },
    });
  return [await tariff("test-japan-tariff", japan!, korea!, "2024-03-01"), await tariff("test-korea-tariff", korea!, japan!, "2024-03-08")];
}

beforeAll(async () => {
  await seedDemoData(database.db);
});

describe("the mirror view of JPN-KOR", () => {
  it("pairs the demo white lists by their link, with the 21-day lag of 2019 and South Korea lifting 88 days first", async () => {
    const mirror = await getMirror(null, ["KOR", "JPN"]);
    expect(mirror.pair).toBe("JPN-KOR");
    expect(lagsOf(mirror)).toEqual([
      { basis: "LINKED", original: "japan-removes-korea-from-white-list", answer: "korea-removes-japan-from-white-list", announcement: 10, inForce: 21, lifting: -88 },
    ]);
    expect(mirror.pairs[0]!.original).toMatchObject({ inForceOn: "2019-08-28", liftedOn: "2023-07-21", href: "/measures/japan-removes-korea-from-white-list" });
    expect(mirror.pairs[0]!.answer).toMatchObject({ inForceOn: "2019-09-18", liftedOn: "2023-04-24" });
    expect(mirror.unpaired.map((measure) => measure.slug)).toEqual(["japan-export-controls-semiconductor-materials"]);
    expect(mirror).toMatchObject({ totalMeasures: 3, isTruncated: false });
  });

  it("refuses an unknown party", async () => {
    await expect(getMirror(null, ["JPN", "XXX"])).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lets an analyst confirm a proposal (a link, a revision, audit events; a stale version conflicts) and dismiss another for good", async () => {
    const [japanTariff, koreaTariff] = await makeTariffs();
    const analyst = await createTestUser(database.db, "ANALYST");
    const reader = await createTestUser(database.db, "READER");
    const proposed = (await getMirror(null, ["JPN", "KOR"])).pairs.filter((pair) => pair.basis === "PROPOSED");
    expect(proposed.map((pair) => [pair.original.slug, pair.answer.slug, pair.lags.announcement])).toEqual([["test-japan-tariff", "test-korea-tariff", 7]]);

    const confirm = ZConfirmMirrorPair.parse({ originalSlug: "test-japan-tariff", answerSlug: "test-korea-tariff", version: "1", note: "Announced as an answer." });
    await expect(confirmMirrorPair(reader, PAIR, confirm)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(confirmMirrorPair(analyst, PAIR, { ...confirm, version: 2 })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(confirmMirrorPair(analyst, ["JPN", "USA"], confirm)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(confirmMirrorPair(analyst, ["JPN", "ZZZ"], confirm)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await confirmMirrorPair(analyst, PAIR, confirm)).toMatchObject({ slug: "test-korea-tariff", version: 2 });
    await expect(confirmMirrorPair(analyst, PAIR, { ...confirm, version: 2 })).rejects.toMatchObject({ code: "CONFLICT" });
    const linked = (await getMirror(null, ["JPN", "KOR"])).pairs.find((pair) => pair.answer.slug === "test-korea-tariff");
    expect(linked).toMatchObject({ basis: "LINKED", original: { slug: "test-japan-tariff" } });
    expect(await database.db.link.findMany({ where: { fromMeasureId: koreaTariff!.id }, select: { type: true, toMeasureId: true, note: true } })).toEqual([
      { type: "RETALIATION_FOR", toMeasureId: japanTariff!.id, note: "Announced as an answer." },
    ]);
    expect(await database.db.revision.count({ where: { entityType: "TradeMeasure", entityId: koreaTariff!.id, version: 2 } })).toBe(1);
    expect(await database.db.auditEvent.findMany({ where: { actorId: analyst.id }, select: { action: true }, orderBy: { id: "asc" } })).toEqual([{ action: "link:create" }, { action: "measure:edit" }]);
    // A linked pair is not a proposal to dismiss.
    await expect(dismissMirrorPair(analyst, PAIR, ZDismissMirrorPair.parse({ firstSlug: "test-japan-tariff", secondSlug: "test-korea-tariff", reason: "No." }))).rejects.toMatchObject({ code: "CONFLICT" });

    const [japan, korea] = await Promise.all(["JPN", "KOR"].map((code) => database.db.party.findUniqueOrThrow({ where: { code } })));
    const later = await database.db.tradeMeasure.create({
      data: { slug: "test-korea-tariff-two", title: "t", measureType: "TARIFF", imposingPartyId: korea!.id, announcedOn: new Date("2024-03-20T00:00:00Z"), targets: { create: { partyId: japan!.id } } },
    });
    const other = await database.db.tradeMeasure.create({
      data: { slug: "test-japan-tariff-two", title: "t", measureType: "TARIFF", imposingPartyId: japan!.id, announcedOn: new Date("2024-03-25T00:00:00Z"), targets: { create: { partyId: korea!.id } } },
    });
    expect((await getMirror(null, ["JPN", "KOR"])).pairs.filter((pair) => pair.basis === "PROPOSED").map((pair) => pair.answer.id)).toEqual([other.id]);
    const dismiss = ZDismissMirrorPair.parse({ firstSlug: other.slug, secondSlug: later.slug, reason: "Unrelated products." });
    await expect(dismissMirrorPair(reader, PAIR, dismiss)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(dismissMirrorPair(analyst, PAIR, { ...dismiss, secondSlug: "test-japan-tariff" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await dismissMirrorPair(analyst, PAIR, dismiss);
    await expect(dismissMirrorPair(analyst, PAIR, dismiss)).rejects.toMatchObject({ code: "CONFLICT" });
    const after = await getMirror(null, ["JPN", "KOR"]);
    expect(after.pairs.filter((pair) => pair.basis === "PROPOSED")).toEqual([]);
    expect(after.unpaired.map((measure) => measure.slug).sort()).toEqual(["japan-export-controls-semiconductor-materials", "test-japan-tariff-two", "test-korea-tariff-two"]);
    expect(await database.db.auditEvent.findFirst({ where: { action: "mirror-pair:dismiss" }, select: { after: true } })).toMatchObject({ after: { reason: "Unrelated products." } });
  });
});
