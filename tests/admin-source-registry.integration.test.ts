import { beforeAll, describe, expect, it } from "vitest";
import { ZAdminSourceFilters, ZUpdateSource } from "../lib/schemas/admin-source";
import type { TSignedInActor } from "../lib/server/permissions";
import { assertSourceCitable } from "../lib/server/sources/assert-source-citable";
import { countUngradedSources } from "../lib/server/sources/count-ungraded-sources";
import { getSourceForAdmin } from "../lib/server/sources/get-source-for-admin";
import { gradeSource } from "../lib/server/sources/grade-source";
import { listDuplicateCandidates } from "../lib/server/sources/list-duplicate-candidates";
import { listSourcesForAdmin } from "../lib/server/sources/list-sources-for-admin";
import { mergeSources } from "../lib/server/sources/merge-sources";
import { restoreSource } from "../lib/server/sources/restore-source";
import { retireSource } from "../lib/server/sources/retire-source";
import { updateSource } from "../lib/server/sources/update-source";
import { runWriteTransaction } from "../lib/server/write-transaction";
import { databaseFingerprint } from "./support/database-fingerprint";
import { makeAgreement, makeCitingEntry, makeSource } from "./support/registry-factories";
import { useTestDatabase } from "./support/test-database";
import { createTestUser } from "./support/users";

const database = useTestDatabase();
let admin: TSignedInActor;
let analyst: TSignedInActor;
const NYT = "https://www.nytimes.com/2019/11/22/world/asia/japan-south-korea-intelligence.html";

beforeAll(async () => {
  admin = await createTestUser(database.db, "ADMIN");
  analyst = await createTestUser(database.db, "ANALYST");
});

const filters = (overrides: Record<string, string> = {}) => ZAdminSourceFilters.parse(overrides);

describe("duplicate proposals", () => {
  it("proposes a link stored before a canonicalisation fix, a same title and publisher, and a same archived copy", async () => {
    const canonical = await makeSource(database.db, { url: NYT, title: "At Last Minute, South Korea Holds Off on Leaving Intelligence Pact With Japan", publisher: "The New York Times" });
    // An old import stored the shared link as it was, before tracking parameters were dropped.
    const legacy = await makeSource(database.db, { url: `${NYT}?utm_source=x`, title: "South Korea holds off on leaving pact", publisher: "NYT" });
    await makeCitingEntry(database.db, (await makeAgreement(database.db)).id, [legacy.id]);
    const herald = await makeSource(database.db, { title: "Seoul holds off on ending GSOMIA", publisher: "The Korea Herald" });
    const heraldCopy = await makeSource(database.db, { title: "Seoul Holds Off on Ending ‘GSOMIA’", publisher: "the korea herald", url: "https://www.koreaherald.com/amp/view.php?ud=1" });
    const archive = "https://web.archive.org/web/2019/https://dead.example.org/story";
    const dead = await makeSource(database.db, { archiveUrl: archive });
    const deadCopy = await makeSource(database.db, { archiveUrl: archive, retiredAt: new Date(), retiredReason: "Link dead" });
    await makeSource(database.db, { title: "Seoul holds off on ending GSOMIA", publisher: "Yonhap" });
    const alreadyMerged = await makeSource(database.db, { url: `${NYT}?smid=tw-share`, mergedIntoId: canonical.id, mergedAt: new Date() });

    const { proposals, total } = await listDuplicateCandidates(admin);
    expect(total).toBe(3);
    const byTarget = new Map(proposals.map((proposal) => [proposal.target.id, proposal]));

    const nyt = byTarget.get(canonical.id)!;
    expect(nyt.reasons).toEqual(["canonical-url"]);
    expect(nyt.duplicates.map((card) => [card.id, card.reasons, card.citationCount])).toEqual([[legacy.id, ["canonical-url"], 1]]);
    expect(proposals.flatMap((proposal) => [proposal.target.id, ...proposal.duplicates.map((card) => card.id)])).not.toContain(alreadyMerged.id);

    const titled = proposals.find((proposal) => proposal.reasons.includes("title-publisher"))!;
    expect([titled.target.id, ...titled.duplicates.map((card) => card.id)].sort()).toEqual([herald.id, heraldCopy.id].sort());

    // The live copy is kept over the retired one.
    expect(byTarget.get(dead.id)!.duplicates.map((card) => [card.id, card.reasons])).toEqual([[deadCopy.id, ["archive-url"]]]);
  });

  it("merges a proposal away and the registry stops proposing it", async () => {
    const { proposals } = await listDuplicateCandidates(admin);
    const first = proposals[0]!;
    const duplicate = first.duplicates[0]!;
    await mergeSources(admin, { sourceId: duplicate.id, targetId: first.target.id, sourceVersion: duplicate.version, targetVersion: first.target.version });
    const after = await listDuplicateCandidates(admin);
    expect(after.proposals.map((proposal) => proposal.key)).not.toContain(first.key);
    await expect(listDuplicateCandidates(analyst)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("retirement", () => {
  it("keeps existing citations, refuses new ones with the reason, and can be undone by restoring", async () => {
    const source = await makeSource(database.db);
    const entry = await makeCitingEntry(database.db, (await makeAgreement(database.db)).id, [source.id]);
    await expect(retireSource(admin, { id: source.id, version: 1, reason: "The report was withdrawn by its publisher" })).resolves.toMatchObject({ version: 2 });

    expect(await database.db.citation.findMany({ where: { statusChangeId: entry.id }, select: { sourceId: true } })).toEqual([{ sourceId: source.id }]);
    await runWriteTransaction(async (tx) => {
      await expect(assertSourceCitable(tx, source.id)).rejects.toMatchObject({
        code: "CONFLICT",
        message: expect.stringContaining("The report was withdrawn by its publisher"),
        details: { reason: "retired" },
      });
    });
    expect((await getSourceForAdmin(admin, source.id)).citations.map((citation) => citation.statusChange.id)).toEqual([entry.id]);
    expect((await listSourcesForAdmin(admin, filters({ state: "retired" }))).sources.map((row) => row.id)).toContain(source.id);
    expect((await listSourcesForAdmin(admin, filters())).sources.map((row) => row.id)).not.toContain(source.id);

    await expect(retireSource(admin, { id: source.id, version: 2, reason: "again" })).rejects.toMatchObject({ code: "CONFLICT" });
    await restoreSource(admin, { id: source.id, version: 2 });
    await runWriteTransaction(async (tx) => {
      await expect(assertSourceCitable(tx, source.id)).resolves.toMatchObject({ id: source.id });
    });
    const events = await database.db.auditEvent.findMany({ where: { entityId: source.id }, orderBy: { id: "asc" } });
    expect(events.map((event) => [event.action, event.actorId])).toEqual([
      ["source:retire", admin.id],
      ["source:restore", admin.id],
    ]);
    expect(events[0]!.after).toMatchObject({ retiredReason: "The report was withdrawn by its publisher", version: 2 });
  });

  it("is refused to analysts, without a reason, or on a stale version, writing nothing", async () => {
    const source = await makeSource(database.db);
    const before = await databaseFingerprint(database.db);
    await expect(retireSource(analyst, { id: source.id, version: 1, reason: "no" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(retireSource(admin, { id: source.id, version: 5, reason: "stale" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await databaseFingerprint(database.db)).toEqual(before);
  });
});

describe("editing and grading", () => {
  const form = (id: string, overrides: Record<string, string> = {}) =>
    ZUpdateSource.parse({
      id,
      version: "1",
      url: "HTTPS://Example.org/story?utm_medium=social&id=7#top",
      title: "Corrected title",
      publisher: "Example Daily",
      authors: "Choe Sang-Hun\nMotoko Rich",
      publishedOn: "2019-11-22",
      accessedOn: "",
      kind: "NEWS",
      language: "en",
      archiveUrl: "https://web.archive.org/web/20191122/https://example.org/story?id=7",
      ...overrides,
    });

  it("saves every field with the link canonicalised, audited with before and after", async () => {
    const source = await makeSource(database.db);
    await updateSource(admin, form(source.id));
    const saved = await database.db.source.findUniqueOrThrow({ where: { id: source.id } });
    expect(saved).toMatchObject({
      url: "https://example.org/story?id=7",
      title: "Corrected title",
      authors: ["Choe Sang-Hun", "Motoko Rich"],
      publishedAt: new Date("2019-11-22T00:00:00Z"),
      accessedAt: null,
      archiveUrl: "https://web.archive.org/web/20191122/https://example.org/story?id=7",
      version: 2,
    });
    const event = await database.db.auditEvent.findFirstOrThrow({ where: { entityId: source.id, action: "source:edit" } });
    expect(event.before).toMatchObject({ title: source.title, version: 1 });
    expect(event.after).toMatchObject({ title: "Corrected title", version: 2 });
  });

  it("refuses a stale form with the current values, and a link another source has, writing nothing", async () => {
    const source = await makeSource(database.db);
    const other = await makeSource(database.db);
    await updateSource(admin, form(source.id, { url: `https://example.org/${source.id}` }));
    const before = await databaseFingerprint(database.db);
    await expect(updateSource(admin, form(source.id))).rejects.toMatchObject({ code: "CONFLICT", details: { currentVersion: 2, current: { title: "Corrected title" } } });
    await expect(updateSource(admin, form(other.id, { url: `https://example.org/${source.id}` }))).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { url: [expect.stringContaining("merge")] },
      details: { otherSourceId: source.id },
    });
    await expect(updateSource(analyst, form(other.id))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(ZUpdateSource.safeParse({ ...form(other.id), url: "javascript:alert(1)" }).success).toBe(false);
    expect(await databaseFingerprint(database.db)).toEqual(before);
  });

  it("grades with a reason, and the ungraded count and filters follow", async () => {
    const before = await countUngradedSources(admin);
    const source = await makeSource(database.db);
    await makeCitingEntry(database.db, (await makeAgreement(database.db)).id, [source.id]);
    expect(await countUngradedSources(admin)).toEqual({ total: before.total + 1, cited: before.cited + 1 });
    expect((await listSourcesForAdmin(admin, filters({ grade: "ungraded", cited: "cited" }))).sources.map((row) => row.id)).toContain(source.id);

    await gradeSource(admin, { id: source.id, version: 1, reliability: "B", reliabilityNote: "Usually reliable national broadcaster" });
    expect(await countUngradedSources(admin)).toEqual(before);
    expect((await listSourcesForAdmin(admin, filters({ grade: "B" }))).sources.map((row) => row.id)).toEqual([source.id]);
    const event = await database.db.auditEvent.findFirstOrThrow({ where: { entityId: source.id, action: "source:grade" } });
    expect([event.before, event.after]).toEqual([
      { reliability: "F", reliabilityNote: null, version: 1 },
      { reliability: "B", reliabilityNote: "Usually reliable national broadcaster", version: 2 },
    ]);
    await expect(gradeSource(analyst, { id: source.id, version: 2, reliability: "A", reliabilityNote: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the registry list", () => {
  it("filters by publisher, kind and citation, and pages by title without gaps or repeats", async () => {
    const publisher = `Paging Press ${Date.now()}`;
    const made = [];
    for (let index = 0; index < 7; index++) made.push(await makeSource(database.db, { publisher, title: `Paged story ${String(index).padStart(2, "0")}`, kind: index % 2 ? "GOVERNMENT" : "NEWS" }));
    await makeCitingEntry(database.db, (await makeAgreement(database.db)).id, [made[0]!.id]);

    const seen: string[] = [];
    let after = "";
    for (let page = 0; page < 5; page++) {
      const result = await listSourcesForAdmin(admin, filters({ publisher, after }), { pageSize: 3 });
      seen.push(...result.sources.map((row) => row.id));
      if (!result.nextCursor) break;
      after = result.nextCursor;
    }
    expect(seen).toEqual(made.map((source) => source.id));
    expect((await listSourcesForAdmin(admin, filters({ publisher, kind: "GOVERNMENT" }))).sources).toHaveLength(3);
    expect((await listSourcesForAdmin(admin, filters({ publisher, cited: "uncited" }))).sources).toHaveLength(6);
    expect((await listSourcesForAdmin(admin, filters({ q: "paged story 03" }))).sources.map((row) => row.id)).toEqual([made[3]!.id]);
  });
});
