import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listAdminSources } from "../../app/api/v1/admin/sources/route";
import { GET as getAdminSource } from "../../app/api/v1/admin/sources/[id]/route";
import { GET as listDuplicates } from "../../app/api/v1/admin/source-duplicates/route";
import { PATCH as patchSource } from "../../app/api/v1/sources/[id]/route";
import { POST as gradeSource } from "../../app/api/v1/sources/[id]/grade/route";
import { POST as retireSource } from "../../app/api/v1/sources/[id]/retire/route";
import { POST as restoreSource } from "../../app/api/v1/sources/[id]/restore/route";
import { POST as mergeSource } from "../../app/api/v1/sources/[id]/merge/route";
import { POST as undoMerge } from "../../app/api/v1/sources/[id]/undo-merge/route";
import { makeAgreement, makeCitingEntry, makeSource } from "../support/registry-factories";
import { useTestDatabase } from "../support/test-database";
import { createTestToken, createTestUser } from "../support/users";
import { callRoute, collectPages } from "./call-route";

// The admin's source registry over the API (issue 11, item 2), with tokens, through the same use
// cases as /admin/sources: each route's success, refusal, absence, stale version and bad input.

const database = useTestDatabase();
const ABSENT = "0190a0a0-0000-7000-8000-000000000000";
let admin = "";
let analyst = "";

beforeAll(async () => {
  admin = await createTestToken(database.db, (await createTestUser(database.db, "ADMIN")).id);
  analyst = await createTestToken(database.db, (await createTestUser(database.db, "ANALYST")).id);
});

describe("GET /api/v1/admin/sources", () => {
  it("pages through the registry by title with the page's filters, stable when rows arrive between pages, limit capped at 100", async () => {
    const tag = `paging-${randomUUID().slice(0, 8)}`;
    const made = [];
    for (const letter of ["e", "a", "d", "b", "c", "g", "f"]) made.push(await makeSource(database.db, { title: `${tag} ${letter}`, publisher: "Paging Press" }));
    await makeSource(database.db, { title: `${tag} retired`, retiredAt: new Date(), retiredReason: "gone" });
    const expected = [...made].sort((left, right) => left.title.localeCompare(right.title)).map((source) => source.id);
    const { ids, pages } = await collectPages(listAdminSources, { token: admin, query: { q: tag, limit: 3 } }, {
      // A row sorting before the cursor and one after: neither a duplicate nor a gap follows.
      between: async (page) => {
        if (page === 1) {
          await makeSource(database.db, { title: `${tag} 0 early`, publisher: "Paging Press" });
          const late = await makeSource(database.db, { title: `${tag} z late`, publisher: "Paging Press" });
          expected.push(late.id);
        }
      },
    });
    expect(pages).toBe(3);
    expect(ids).toEqual(expected);
    const retired = await callRoute(listAdminSources, "GET", { token: admin, query: { q: tag, state: "retired" } });
    expect(retired.json!.data.map((row: { title: string }) => row.title)).toEqual([`${tag} retired`]);
  });

  it("refuses a limit over 100, an unknown filter value and a mangled cursor with 422, and analysts with 403", async () => {
    expect((await callRoute(listAdminSources, "GET", { token: admin, query: { limit: 101 } })).status).toBe(422);
    const bad = await callRoute(listAdminSources, "GET", { token: admin, query: { state: "deleted" } });
    expect(bad.status).toBe(422);
    expect(bad.json!.errors).toHaveProperty("state");
    expect((await callRoute(listAdminSources, "GET", { token: admin, query: { cursor: "not a cursor!" } })).status).toBe(422);
    expect((await callRoute(listAdminSources, "GET", { token: admin, query: { cursor: "bm90LWEtY3Vyc29y" } })).status).toBe(422);
    expect((await callRoute(listAdminSources, "GET", { token: analyst })).status).toBe(403);
    expect((await callRoute(listAdminSources, "GET")).status).toBe(401);
  });
});

describe("GET /api/v1/admin/sources/{id}", () => {
  it("answers every stored field and the citing entries; 404 for no such source; 403 for analysts", async () => {
    const source = await makeSource(database.db);
    await makeCitingEntry(database.db, (await makeAgreement(database.db)).id, [source.id]);
    const found = await callRoute(getAdminSource, "GET", { token: admin, params: { id: source.id } });
    expect(found.status).toBe(200);
    expect(found.json!.data).toMatchObject({ id: source.id, version: 1, citationCount: 1, undo: null });
    expect((await callRoute(getAdminSource, "GET", { token: admin, params: { id: ABSENT } })).status).toBe(404);
    expect((await callRoute(getAdminSource, "GET", { token: analyst, params: { id: source.id } })).status).toBe(403);
  });
});

describe("PATCH /api/v1/sources/{id}", () => {
  it("edits the fields sent and keeps the others, 409 on a stale version, 422 for a bad field or a missing version, 404, 403", async () => {
    const source = await makeSource(database.db, { authors: ["A. Writer"] });
    const edited = await callRoute(patchSource, "PATCH", { token: admin, params: { id: source.id }, body: { version: 1, title: "A better title" } });
    expect(edited.status).toBe(200);
    expect(edited.json).toEqual({ id: source.id, version: 2 });
    const stored = await database.db.source.findUniqueOrThrow({ where: { id: source.id } });
    expect(stored).toMatchObject({ title: "A better title", publisher: source.publisher, url: source.url, authors: ["A. Writer"] });
    const stale = await callRoute(patchSource, "PATCH", { token: admin, params: { id: source.id }, body: { version: 1, title: "Lost update" } });
    expect(stale.status).toBe(409);
    expect((await database.db.source.findUniqueOrThrow({ where: { id: source.id } })).title).toBe("A better title");
    const invalid = await callRoute(patchSource, "PATCH", { token: admin, params: { id: source.id }, body: { version: 2, url: "ftp://nope" } });
    expect(invalid.status).toBe(422);
    expect(invalid.json!.errors).toHaveProperty("url");
    expect((await callRoute(patchSource, "PATCH", { token: admin, params: { id: source.id }, body: { title: "No version" } })).status).toBe(422);
    expect((await callRoute(patchSource, "PATCH", { token: admin, params: { id: ABSENT }, body: { version: 1 } })).status).toBe(404);
    expect((await callRoute(patchSource, "PATCH", { token: analyst, params: { id: source.id }, body: { version: 2, title: "Analyst" } })).status).toBe(403);
  });
});

describe("grading, retiring and restoring", () => {
  it("grade: success, 409 stale, 422 for a grade outside A–F, 404", async () => {
    const source = await makeSource(database.db);
    const graded = await callRoute(gradeSource, "POST", { token: admin, params: { id: source.id }, body: { version: 1, reliability: "B", reliabilityNote: "Usually reliable" } });
    expect(graded.status).toBe(200);
    expect(graded.json).toEqual({ id: source.id, version: 2, reliability: "B" });
    expect((await callRoute(gradeSource, "POST", { token: admin, params: { id: source.id }, body: { version: 1, reliability: "C", reliabilityNote: "x" } })).status).toBe(409);
    expect((await callRoute(gradeSource, "POST", { token: admin, params: { id: source.id }, body: { version: 2, reliability: "Z", reliabilityNote: "x" } })).status).toBe(422);
    expect((await callRoute(gradeSource, "POST", { token: admin, params: { id: ABSENT }, body: { version: 1, reliability: "C", reliabilityNote: "x" } })).status).toBe(404);
    expect((await callRoute(gradeSource, "POST", { token: analyst, params: { id: source.id }, body: { version: 2, reliability: "C", reliabilityNote: "x" } })).status).toBe(403);
  });

  it("retire then restore, each refusing a stale version; a reason is required", async () => {
    const source = await makeSource(database.db);
    expect((await callRoute(retireSource, "POST", { token: admin, params: { id: source.id }, body: { version: 1 } })).status).toBe(422);
    const retired = await callRoute(retireSource, "POST", { token: admin, params: { id: source.id }, body: { version: 1, reason: "Withdrawn by the publisher" } });
    expect(retired.status).toBe(200);
    expect(retired.json!.retiredAt).toEqual(expect.any(String));
    expect((await callRoute(restoreSource, "POST", { token: admin, params: { id: source.id }, body: { version: 1 } })).status).toBe(409);
    const restored = await callRoute(restoreSource, "POST", { token: admin, params: { id: source.id }, body: { version: 2 } });
    expect(restored.json).toEqual({ id: source.id, version: 3 });
    expect((await database.db.source.findUniqueOrThrow({ where: { id: source.id } })).retiredAt).toBeNull();
    expect((await callRoute(retireSource, "POST", { token: analyst, params: { id: source.id }, body: { version: 3, reason: "x" } })).status).toBe(403);
  });
});

describe("duplicates, merging and undoing a merge", () => {
  it("proposes the duplicate, merges it (409 when either side changed, 422 into itself), and undoes the merge once", async () => {
    const title = `Duplicate story ${randomUUID().slice(0, 8)}`;
    const first = await makeSource(database.db, { title, publisher: "Twin Press" });
    const second = await makeSource(database.db, { title, publisher: "Twin Press" });
    await makeCitingEntry(database.db, (await makeAgreement(database.db)).id, [second.id]);
    const proposals = await callRoute(listDuplicates, "GET", { token: admin, query: { limit: 100 } });
    expect(proposals.status).toBe(200);
    const proposal = proposals.json!.data.find((candidate: { key: string }) => candidate.key.includes(first.id));
    expect(proposal.reasons).toContain("title-publisher");
    expect((await callRoute(listDuplicates, "GET", { token: admin, query: { limit: 0 } })).status).toBe(422);
    expect((await callRoute(listDuplicates, "GET", { token: analyst })).status).toBe(403);

    expect((await callRoute(mergeSource, "POST", { token: admin, params: { id: first.id }, body: { targetId: first.id, sourceVersion: 1, targetVersion: 1 } })).status).toBe(422);
    expect((await callRoute(mergeSource, "POST", { token: admin, params: { id: first.id }, body: { targetId: second.id, sourceVersion: 1, targetVersion: 7 } })).status).toBe(409);
    expect((await callRoute(mergeSource, "POST", { token: admin, params: { id: ABSENT }, body: { targetId: second.id, sourceVersion: 1, targetVersion: 1 } })).status).toBe(404);
    expect((await callRoute(mergeSource, "POST", { token: analyst, params: { id: second.id }, body: { targetId: first.id, sourceVersion: 1, targetVersion: 1 } })).status).toBe(403);
    const merged = await callRoute(mergeSource, "POST", { token: admin, params: { id: second.id }, body: { targetId: first.id, sourceVersion: 1, targetVersion: 1 } });
    expect(merged.status).toBe(200);
    expect(merged.json).toEqual({ sourceId: second.id, targetId: first.id, movedCitationCount: 1 });
    const detail = await callRoute(getAdminSource, "GET", { token: admin, params: { id: second.id } });
    expect(detail.json!.data).toMatchObject({ mergedIntoId: first.id, undo: { isPossible: true } });

    const undone = await callRoute(undoMerge, "POST", { token: admin, params: { id: second.id } });
    expect(undone.status).toBe(200);
    expect(undone.json).toEqual({ sourceId: second.id, targetId: first.id, returnedCitationCount: 1 });
    expect((await callRoute(undoMerge, "POST", { token: admin, params: { id: second.id } })).status).toBe(409);
    expect((await callRoute(undoMerge, "POST", { token: admin, params: { id: ABSENT } })).status).toBe(404);
    expect((await callRoute(undoMerge, "POST", { token: admin, params: { id: "not-a-uuid" } })).status).toBe(404);
  });
});
