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
    expect(entry.corroboration).toEqual({ level: "WELL_CORROBORATED", independent: 2, gradedBOrBetter: 2, summary: "Confirmed by 2 independent sources, all graded B or better." });
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
