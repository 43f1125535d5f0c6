import { beforeAll, describe, expect, it } from "vitest";
import type { TSignedInActor } from "../lib/server/permissions";
import { assertSourceCitable } from "../lib/server/sources/assert-source-citable";
import { getSourceForAdmin } from "../lib/server/sources/get-source-for-admin";
import { gradeSource } from "../lib/server/sources/grade-source";
import { mergeSources } from "../lib/server/sources/merge-sources";
import { resolveSourceRedirect } from "../lib/server/sources/resolve-source-redirect";
import { retireSource } from "../lib/server/sources/retire-source";
import { undoSourceMerge } from "../lib/server/sources/undo-source-merge";
import { runWriteTransaction } from "../lib/server/write-transaction";
import { databaseFingerprint } from "./support/database-fingerprint";
import { waitUntilAnotherBackendWaitsOnMe } from "./support/lock-wait";
import { makeAgreement, makeCitingEntry, makeSource } from "./support/registry-factories";
import { useTestDatabase } from "./support/test-database";
import { createTestUser } from "./support/users";

const database = useTestDatabase();
let admin: TSignedInActor;
let analyst: TSignedInActor;

beforeAll(async () => {
  admin = await createTestUser(database.db, "ADMIN");
  analyst = await createTestUser(database.db, "ANALYST");
});

async function versions(...ids: string[]) {
  const rows = await database.db.source.findMany({ where: { id: { in: ids } }, select: { id: true, version: true } });
  return Object.fromEntries(rows.map((row) => [row.id, row.version]));
}

async function mergeInto(duplicateId: string, targetId: string) {
  const current = await versions(duplicateId, targetId);
  return mergeSources(admin, { sourceId: duplicateId, targetId, sourceVersion: current[duplicateId]!, targetVersion: current[targetId]! });
}

async function citationSources(ids: string[]) {
  const rows = await database.db.citation.findMany({ where: { id: { in: ids } }, select: { id: true, sourceId: true } });
  return Object.fromEntries(rows.map((row) => [row.id, row.sourceId]));
}

describe("merging source B into A", () => {
  it("moves every citation of B to A in one step, keeps B as a redirect, and audits the moved citations", async () => {
    const [kept, duplicate] = [await makeSource(database.db), await makeSource(database.db)];
    const agreement = await makeAgreement(database.db);
    const onlyKept = await makeCitingEntry(database.db, agreement.id, [kept.id]);
    const onlyDuplicate = await makeCitingEntry(database.db, agreement.id, [duplicate.id]);
    const both = await makeCitingEntry(database.db, agreement.id, [kept.id, duplicate.id]);
    const movedIds = [onlyDuplicate.citations[0]!.id, both.citations[1]!.id].sort();

    const result = await mergeInto(duplicate.id, kept.id);
    expect(result).toEqual({ sourceId: duplicate.id, targetId: kept.id, movedCitationCount: 2 });

    expect(await database.db.citation.count({ where: { sourceId: duplicate.id } })).toBe(0);
    expect(Object.values(await citationSources([...movedIds, onlyKept.citations[0]!.id]))).toEqual([kept.id, kept.id, kept.id]);
    const redirect = await database.db.source.findUniqueOrThrow({ where: { id: duplicate.id } });
    expect(redirect).toMatchObject({ mergedIntoId: kept.id, version: 2, title: duplicate.title, url: duplicate.url });
    expect(redirect.mergedAt).toBeInstanceOf(Date);
    await expect(resolveSourceRedirect(null, duplicate.id)).resolves.toEqual({ id: duplicate.id, redirectTo: kept.id });
    await expect(resolveSourceRedirect(null, kept.id)).resolves.toEqual({ id: kept.id, redirectTo: null });

    const events = await database.db.auditEvent.findMany({ where: { entityId: { in: [kept.id, duplicate.id] } }, orderBy: { id: "asc" } });
    expect(events.map((event) => [event.action, event.entityId, event.actorId])).toEqual([
      ["source:merge", duplicate.id, admin.id],
      ["source:absorb", kept.id, admin.id],
    ]);
    expect(events[0]!.after).toMatchObject({ targetId: kept.id, movedCitationIds: movedIds, version: 2, targetVersion: 2 });
    expect(events[0]!.before).toMatchObject({ id: duplicate.id, url: duplicate.url, mergedIntoId: null });
  });

  it("follows a chain of merges to the source that is left", async () => {
    const [first, second, third] = [await makeSource(database.db), await makeSource(database.db), await makeSource(database.db)];
    await mergeInto(third.id, second.id);
    await mergeInto(second.id, first.id);
    await expect(resolveSourceRedirect(null, third.id)).resolves.toEqual({ id: third.id, redirectTo: first.id });
    await expect(resolveSourceRedirect(null, "0190e000-0000-7000-8000-000000000000")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses, writing nothing: a reader or analyst, a stale comparison, a merged or retired target, itself", async () => {
    const [kept, duplicate, other] = [await makeSource(database.db), await makeSource(database.db), await makeSource(database.db)];
    await makeCitingEntry(database.db, (await makeAgreement(database.db)).id, [duplicate.id]);
    const input = { sourceId: duplicate.id, targetId: kept.id, sourceVersion: 1, targetVersion: 1 };
    const before = await databaseFingerprint(database.db);

    await expect(mergeSources(analyst, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(mergeSources(null, input)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(mergeSources(admin, { ...input, targetVersion: 7 })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { currentVersion: 1, current: { id: kept.id } },
    });
    await expect(mergeSources(admin, { ...input, targetId: duplicate.id })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await databaseFingerprint(database.db)).toEqual(before);

    await mergeInto(other.id, kept.id);
    const afterFirstMerge = await databaseFingerprint(database.db);
    await expect(mergeInto(duplicate.id, other.id)).rejects.toMatchObject({ code: "CONFLICT", details: { mergedIntoId: kept.id } });
    await expect(mergeInto(other.id, duplicate.id)).rejects.toMatchObject({ code: "CONFLICT" });
    await retireSource(admin, { id: kept.id, version: (await versions(kept.id))[kept.id]!, reason: "Withdrawn by the publisher" });
    const afterRetirement = await databaseFingerprint(database.db);
    await expect(mergeInto(duplicate.id, kept.id)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("retired") });
    expect(await databaseFingerprint(database.db)).toEqual(afterRetirement);
    expect(afterRetirement).not.toEqual(afterFirstMerge);
  });

  it("lets a concurrent citation finish first and then moves it too, never leaving it on the redirect", async () => {
    const [kept, duplicate] = [await makeSource(database.db), await makeSource(database.db)];
    const entry = await makeCitingEntry(database.db, (await makeAgreement(database.db)).id, [kept.id]);
    let citationId = "";
    // The citing transaction checks the duplicate (taking its share lock) and cites only once
    // the merge is seen waiting on that lock. Embedded, the merge waits for the one session
    // instead, so it simply runs after the citation.
    let onChecked = () => {};
    const checked = new Promise<void>((resolve) => (onChecked = resolve));
    const merging = checked.then(() => mergeSources(admin, { sourceId: duplicate.id, targetId: kept.id, sourceVersion: 1, targetVersion: 1 }));
    const citing = runWriteTransaction(async (tx) => {
      await assertSourceCitable(tx, duplicate.id);
      onChecked();
      if (!database.isEmbedded) await waitUntilAnotherBackendWaitsOnMe(tx, { url: database.url, other: merging });
      citationId = (await tx.citation.create({ data: { statusChangeId: entry.id, sourceId: duplicate.id, position: 1 } })).id;
    });
    await Promise.all([citing, merging]);
    expect(await citationSources([citationId])).toEqual({ [citationId]: kept.id });
    await runWriteTransaction(async (tx) => {
      await expect(assertSourceCitable(tx, duplicate.id)).rejects.toMatchObject({ code: "CONFLICT", details: { reason: "merged", mergedIntoId: kept.id } });
    });
  });
});

describe("undoing a merge", () => {
  it("puts the moved citations back and makes B a source of its own again", async () => {
    const [kept, duplicate] = [await makeSource(database.db), await makeSource(database.db)];
    const agreement = await makeAgreement(database.db);
    const keptEntry = await makeCitingEntry(database.db, agreement.id, [kept.id]);
    const duplicateEntry = await makeCitingEntry(database.db, agreement.id, [duplicate.id, kept.id]);
    await mergeInto(duplicate.id, kept.id);
    // A citation of A made after the merge stays with A when the merge is undone.
    const later = await makeCitingEntry(database.db, agreement.id, [kept.id]);
    expect((await getSourceForAdmin(admin, duplicate.id)).undo).toEqual({ isPossible: true, problem: null });

    await expect(undoSourceMerge(admin, { sourceId: duplicate.id })).resolves.toEqual({ sourceId: duplicate.id, targetId: kept.id, returnedCitationCount: 1 });
    expect(await citationSources([keptEntry.citations[0]!.id, ...duplicateEntry.citations.map((c) => c.id), later.citations[0]!.id])).toEqual({
      [keptEntry.citations[0]!.id]: kept.id,
      [duplicateEntry.citations[0]!.id]: duplicate.id,
      [duplicateEntry.citations[1]!.id]: kept.id,
      [later.citations[0]!.id]: kept.id,
    });
    expect(await database.db.source.findUniqueOrThrow({ where: { id: duplicate.id } })).toMatchObject({ mergedIntoId: null, mergedAt: null, version: 3 });
    await expect(resolveSourceRedirect(null, duplicate.id)).resolves.toEqual({ id: duplicate.id, redirectTo: null });
    const actions = await database.db.auditEvent.findMany({ where: { entityId: { in: [kept.id, duplicate.id] } }, orderBy: { id: "asc" }, select: { action: true } });
    expect(actions.map((event) => event.action)).toEqual(["source:merge", "source:absorb", "source:merge-undo", "source:absorb-undo"]);

    // Merged again, it can be undone again: the latest merge is the one undone.
    await mergeInto(duplicate.id, kept.id);
    await expect(undoSourceMerge(admin, { sourceId: duplicate.id })).resolves.toMatchObject({ returnedCitationCount: 1 });
  });

  it("is refused once either source changed since, or a moved citation was edited away, writing nothing", async () => {
    const [kept, duplicate] = [await makeSource(database.db), await makeSource(database.db)];
    const entry = await makeCitingEntry(database.db, (await makeAgreement(database.db)).id, [duplicate.id]);
    await mergeInto(duplicate.id, kept.id);
    await gradeSource(admin, { id: kept.id, version: (await versions(kept.id))[kept.id]!, reliability: "B", reliabilityNote: "Established wire service" });
    let before = await databaseFingerprint(database.db);
    await expect(undoSourceMerge(admin, { sourceId: duplicate.id })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("changed after the merge") });
    expect((await getSourceForAdmin(admin, duplicate.id)).undo).toMatchObject({ isPossible: false });
    expect(await databaseFingerprint(database.db)).toEqual(before);

    const [kept2, duplicate2] = [await makeSource(database.db), await makeSource(database.db)];
    const entry2 = await makeCitingEntry(database.db, entry.agreementId!, [duplicate2.id]);
    await mergeInto(duplicate2.id, kept2.id);
    // An analyst's edit replaces an entry's citations with new rows.
    await database.db.citation.deleteMany({ where: { statusChangeId: entry2.id } });
    await database.db.citation.create({ data: { statusChangeId: entry2.id, sourceId: kept2.id } });
    before = await databaseFingerprint(database.db);
    await expect(undoSourceMerge(admin, { sourceId: duplicate2.id })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("1 of the citations") });
    await expect(undoSourceMerge(analyst, { sourceId: duplicate2.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(undoSourceMerge(admin, { sourceId: kept2.id })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("not merged") });
    expect(await databaseFingerprint(database.db)).toEqual(before);
  });
});
