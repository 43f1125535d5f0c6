import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../prisma/seed/seed-database";
import { developmentJson } from "../../lib/server/exports/export-developments";
import { getPublishedChange } from "../../lib/server/status-changes/get-published-change";
import { useTestDatabase } from "../support/test-database";

// Each published development carries its corroboration (lib/domain/corroboration.ts) computed
// from its citations' sources as the registry describes them, on the page and in the API.

const database = useTestDatabase();

beforeAll(async () => {
  await seedDemoData(database.db);
});

describe("a development's corroboration", () => {
  it("counts METI and the Yonhap chronology in the Korea Herald as two independent sources, and another Yonhap report as none more", async () => {
    const change = await database.db.statusChange.findFirstOrThrow({ where: { headline: "Individual licensing for three chip materials takes effect" }, select: { id: true } });
    const entry = await getPublishedChange(null, change.id);
    expect(entry.corroboration).toEqual({ level: "WELL_CORROBORATED", suggestedLevel: "WELL_CORROBORATED", independent: 2, gradedBOrBetter: 2, summary: "Confirmed by 2 independent sources, all graded B or better.", judgment: null });
    expect(developmentJson(entry).corroboration).toEqual(entry.corroboration);
    expect(Object.keys(entry.citations[0]!.source)).not.toContain("origin");

    // A Yonhap report cited as well adds no independent source: the chronology is Yonhap's.
    const yonhap = await database.db.source.findFirstOrThrow({ where: { publisher: "Yonhap News Agency" }, select: { id: true, publisherGroup: true } });
    expect(yonhap.publisherGroup).toBe("Yonhap");
    await database.db.citation.create({ data: { statusChangeId: change.id, sourceId: yonhap.id, credibility: 2, position: 9 } });
    expect((await getPublishedChange(null, change.id)).corroboration).toMatchObject({ independent: 2 });

    // A page carrying METI's release (recorded through syndicatedFrom) is METI's too.
    const meti = await database.db.source.findFirstOrThrow({ where: { url: { contains: "meti.go.jp" } }, select: { id: true } });
    const carrier = await database.db.source.create({ data: { url: "https://mirror.example.org/meti", title: "Mirror of METI", publisher: "Mirror Site", reliability: "C", syndicatedFromId: meti.id } });
    await database.db.citation.create({ data: { statusChangeId: change.id, sourceId: carrier.id, credibility: 3, position: 10 } });
    expect((await getPublishedChange(null, change.id)).corroboration).toMatchObject({ independent: 2, gradedBOrBetter: 2 });
  });
});

describe("an analyst's judgment of the level", () => {
  it("accepts or overrides the rule's level with a reason, revisioned and audited, refusing a stale version and a draft", async () => {
    const { createTestUser } = await import("../support/desk-factories");
    const { judgeCorroboration } = await import("../../lib/server/status-changes/judge-corroboration");
    const { ZJudgeCorroboration } = await import("../../lib/schemas/status-change");
    const analyst = await createTestUser(database.db, "ANALYST");
    const reader = await createTestUser(database.db, "READER");
    const change = await database.db.statusChange.findFirstOrThrow({ where: { headline: "South Korea puts Japan back on its white list" }, select: { id: true, version: true } });
    expect((await getPublishedChange(null, change.id)).corroboration).toMatchObject({ level: "CORROBORATED", suggestedLevel: "CORROBORATED", judgment: null });

    expect(ZJudgeCorroboration.safeParse({ id: change.id, version: change.version, level: "SINGLE_SOURCE", reason: "" }).success).toBe(false);
    const input = ZJudgeCorroboration.parse({ id: change.id, version: String(change.version), level: "SINGLE_SOURCE", reason: "The Korea Herald copy is Yonhap's." });
    await expect(judgeCorroboration(reader, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(judgeCorroboration(analyst, { ...input, version: change.version + 1 })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await judgeCorroboration(analyst, input)).toMatchObject({ version: change.version + 1 });
    await expect(judgeCorroboration(analyst, input)).rejects.toMatchObject({ code: "CONFLICT" });
    const judged = await getPublishedChange(null, change.id);
    expect(judged.corroboration).toMatchObject({ level: "SINGLE_SOURCE", suggestedLevel: "CORROBORATED", judgment: { level: "SINGLE_SOURCE", reason: "The Korea Herald copy is Yonhap's." } });
    expect(await database.db.revision.findFirstOrThrow({ where: { entityId: change.id, version: change.version + 1 }, select: { snapshot: true } })).toMatchObject({ snapshot: { corroborationLevel: "SINGLE_SOURCE" } });
    expect(await database.db.auditEvent.count({ where: { action: "status-change:corroboration", entityId: change.id } })).toBe(1);

    // Clearing it goes back to the rule's level; a draft carries none.
    await judgeCorroboration(analyst, ZJudgeCorroboration.parse({ id: change.id, version: change.version + 1, level: "", reason: "" }));
    expect((await getPublishedChange(null, change.id)).corroboration).toMatchObject({ level: "CORROBORATED", judgment: null });
    const draft = await database.db.statusChange.update({ where: { id: change.id }, data: { state: "DRAFT", publishedAt: null } });
    await expect(judgeCorroboration(analyst, { ...input, version: draft.version })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
