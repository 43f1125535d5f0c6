import { beforeAll, describe, expect, it } from "vitest";
import { ZAdminSourceFilters } from "../lib/schemas/admin-source";
import type { TSignedInActor } from "../lib/server/permissions";
import { listDuplicateCandidates } from "../lib/server/sources/list-duplicate-candidates";
import { listSourcesForAdmin } from "../lib/server/sources/list-sources-for-admin";
import { makeAgreement, makeCitingEntry, makeSource } from "./support/registry-factories";
import { useTestDatabase } from "./support/test-database";
import { createTestUser } from "./support/users";

// The admin's pages stopped scanning the registry on every load (the scan's groups are kept
// while the registry's fingerprint is unchanged) and count citations for the shown rows only.
// These tests hold the faster paths to the answers of the slow ones.
const database = useTestDatabase();
let admin: TSignedInActor;

beforeAll(async () => {
  admin = await createTestUser(database.db, "ADMIN");
});

const keysOf = async () => (await listDuplicateCandidates(admin)).proposals.map((proposal) => proposal.key);

describe("the remembered duplicate scan", () => {
  it("sees every change to the registry, also one written by hand that bumps no version", async () => {
    const left = await makeSource(database.db, { title: "Tokyo and Seoul agree to keep sharing intelligence", publisher: "Wire One" });
    const right = await makeSource(database.db, { title: "A different story about fisheries", publisher: "Wire One" });
    expect(await keysOf()).toEqual([]);
    expect(await keysOf()).toEqual([]);

    // A title edited behind the app's back (an import, psql) makes the two one article.
    await database.db.$executeRaw`UPDATE "Source" SET title = ${"Tokyo and Seoul agree to keep sharing intelligence"} WHERE id = ${right.id}::uuid`;
    expect(await keysOf()).toEqual([[left.id, right.id].sort().join(",")]);

    // A third copy joins the group; a retirement (not a compared field) changes nothing.
    const third = await makeSource(database.db, { title: "Tokyo and Seoul agree to keep sharing intelligence", publisher: "wire one" });
    expect(await keysOf()).toEqual([[left.id, right.id, third.id].sort().join(",")]);
    await database.db.source.update({ where: { id: third.id }, data: { retiredAt: new Date(), retiredReason: "Copy" } });
    const [proposal] = (await listDuplicateCandidates(admin)).proposals;
    expect(proposal?.duplicates.find((card) => card.id === third.id)?.retiredAt).not.toBeNull();

    // Merged away by hand: the group shrinks, and disappears with the last duplicate.
    await database.db.source.updateMany({ where: { id: { in: [right.id, third.id] } }, data: { mergedIntoId: left.id, mergedAt: new Date() } });
    expect(await keysOf()).toEqual([]);
  });

  it("counts each card's citations as the relation count did", async () => {
    const agreement = await makeAgreement(database.db);
    const kept = await makeSource(database.db, { title: "Pact renewal announced by both ministries", publisher: "Wire Two" });
    const copy = await makeSource(database.db, { title: "Pact renewal announced by both ministries", publisher: "Wire Two" });
    await makeCitingEntry(database.db, agreement.id, [kept.id, copy.id]);
    await makeCitingEntry(database.db, agreement.id, [kept.id]);
    await makeCitingEntry(database.db, agreement.id, [kept.id]);
    const proposal = (await listDuplicateCandidates(admin)).proposals.find((candidate) => candidate.target.id === kept.id)!;
    expect(proposal.target.citationCount).toBe(3);
    expect(proposal.duplicates.map((card) => [card.id, card.citationCount, card.sharedEntryCount])).toEqual([[copy.id, 1, 1]]);
  });
});

describe("the admin's source list", () => {
  it("shows each row's citation count, zero for an uncited source", async () => {
    const agreement = await makeAgreement(database.db);
    const cited = await makeSource(database.db, { title: "Zz counted source" });
    const uncited = await makeSource(database.db, { title: "Zz uncounted source" });
    await makeCitingEntry(database.db, agreement.id, [cited.id]);
    await makeCitingEntry(database.db, agreement.id, [cited.id]);
    const { sources } = await listSourcesForAdmin(admin, ZAdminSourceFilters.parse({ q: "Zz" }));
    expect(sources.map((source) => [source.id, source.citationCount])).toEqual([
      [cited.id, 2],
      [uncited.id, 0],
    ]);
  });
});
