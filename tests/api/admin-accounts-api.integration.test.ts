import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { DELETE as revokeToken } from "../../app/api/v1/api-tokens/[id]/route";
import { GET as listTokens, POST as createToken } from "../../app/api/v1/api-tokens/route";
import { GET as auditCsv } from "../../app/api/v1/audit-events.csv/route";
import { GET as listAudit } from "../../app/api/v1/audit-events/route";
import { POST as logDevelopment } from "../../app/api/v1/status-changes/route";
import { PATCH as editDevelopment } from "../../app/api/v1/status-changes/[id]/route";
import { GET as listRevisions } from "../../app/api/v1/status-changes/[id]/revisions/route";
import { POST as disableUser } from "../../app/api/v1/users/[id]/disable/route";
import { POST as enableUser } from "../../app/api/v1/users/[id]/enable/route";
import { POST as resetPassword } from "../../app/api/v1/users/[id]/reset-password/route";
import { PUT as setRole } from "../../app/api/v1/users/[id]/role/route";
import { GET as getUser, PATCH as patchUser } from "../../app/api/v1/users/[id]/route";
import { GET as listUsers, POST as createUser } from "../../app/api/v1/users/route";
import type { TSignedInActor } from "../../lib/server/permissions";
import { CLARIFICATION, createTestAgreement, logForm } from "../support/desk-factories";
import { useTestDatabase } from "../support/test-database";
import { createTestToken, createTestUser } from "../support/users";
import { callRoute, collectPages } from "./call-route";

// Accounts, the audit log, revisions and one's own API tokens over the API (issue 11, item 2),
// with tokens, through the same use cases as the admin's and the analyst's pages.

const database = useTestDatabase();
const ABSENT = "0190a0a0-0000-7000-8000-000000000000";
let adminUser: TSignedInActor;
let analystUser: TSignedInActor;
let admin = "";
let analyst = "";
let reader = "";

beforeAll(async () => {
  adminUser = await createTestUser(database.db, "ADMIN");
  analystUser = await createTestUser(database.db, "ANALYST");
  admin = await createTestToken(database.db, adminUser.id);
  analyst = await createTestToken(database.db, analystUser.id);
  reader = await createTestToken(database.db, (await createTestUser(database.db, "READER")).id);
});

describe("accounts", () => {
  it("lists by name with the page's filters, paged stably with a capped limit; 422 for a bad filter; 403 for analysts", async () => {
    const tag = `people${randomUUID().slice(0, 6)}`;
    for (const name of ["Dana", "Avery", "Casey", "Blair", "Emery"]) await createTestUser(database.db, "READER", { name: `${name} ${tag}`, email: `${name.toLowerCase()}.${tag}@example.org` });
    await createTestUser(database.db, "ANALYST", { name: `Frankie ${tag}`, email: `frankie.${tag}@example.org` });
    const { ids, pages } = await collectPages(listUsers, { token: admin, query: { q: tag, role: "READER", limit: 2 } });
    expect(pages).toBe(3);
    const names = (await database.db.user.findMany({ where: { id: { in: ids } } })).map((user) => [user.id, user.name]);
    expect(ids.map((id) => new Map(names as [string, string][]).get(id))).toEqual(["Avery", "Blair", "Casey", "Dana", "Emery"].map((name) => `${name} ${tag}`));
    const first = await callRoute(listUsers, "GET", { token: admin, query: { q: tag } });
    expect(first.json!.total).toBe(6);
    expect((await callRoute(listUsers, "GET", { token: admin, query: { role: "OWNER" } })).status).toBe(422);
    expect((await callRoute(listUsers, "GET", { token: admin, query: { limit: 1000 } })).status).toBe(422);
    expect((await callRoute(listUsers, "GET", { token: analyst })).status).toBe(403);
  });

  it("creates an account (201, a temporary password once), 409 for a taken email, 422 for a bad one, 403 for analysts", async () => {
    const email = `new-${randomUUID().slice(0, 8)}@example.org`;
    const created = await callRoute(createUser, "POST", { token: admin, body: { email, name: "New Person", role: "ANALYST" } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ email, role: "ANALYST", temporaryPassword: expect.any(String) });
    expect(created.json).not.toHaveProperty("passwordHash");
    expect((await callRoute(createUser, "POST", { token: admin, body: { email, name: "Again", role: "READER" } })).status).toBe(409);
    expect((await callRoute(createUser, "POST", { token: admin, body: { email: "not an email", name: "X", role: "READER" } })).status).toBe(422);
    expect((await callRoute(createUser, "POST", { token: analyst, body: { email: `a-${email}`, name: "X", role: "READER" } })).status).toBe(403);
  });

  it("reads and edits one account (409 on a stale version), changes its role, disables, enables and resets it; 404 for no such account", async () => {
    const person = await createTestUser(database.db, "READER");
    const read = await callRoute(getUser, "GET", { token: admin, params: { id: person.id } });
    expect(read.json!.data).toMatchObject({ id: person.id, role: "READER", version: 1, isSelf: false, activeTokenCount: 0 });
    expect((await callRoute(getUser, "GET", { token: admin, params: { id: ABSENT } })).status).toBe(404);

    const edited = await callRoute(patchUser, "PATCH", { token: admin, params: { id: person.id }, body: { version: 1, name: "Renamed Person" } });
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject({ id: person.id, name: "Renamed Person", email: person.email, version: 2 });
    expect((await callRoute(patchUser, "PATCH", { token: admin, params: { id: person.id }, body: { version: 1, name: "Lost update" } })).status).toBe(409);
    expect((await callRoute(patchUser, "PATCH", { token: admin, params: { id: person.id }, body: { version: 2, email: "nope" } })).status).toBe(422);
    expect((await callRoute(patchUser, "PATCH", { token: admin, params: { id: ABSENT }, body: { version: 1, name: "Nobody" } })).status).toBe(404);

    const promoted = await callRoute(setRole, "PUT", { token: admin, params: { id: person.id }, body: { role: "ANALYST" } });
    expect(promoted.json).toMatchObject({ id: person.id, role: "ANALYST" });
    expect((await callRoute(setRole, "PUT", { token: admin, params: { id: person.id }, body: { role: "OWNER" } })).status).toBe(422);
    expect((await callRoute(setRole, "PUT", { token: admin, params: { id: ABSENT }, body: { role: "READER" } })).status).toBe(404);

    const disabled = await callRoute(disableUser, "POST", { token: admin, params: { id: person.id } });
    expect(disabled.json!.disabledAt).toEqual(expect.any(String));
    const enabled = await callRoute(enableUser, "POST", { token: admin, params: { id: person.id } });
    expect(enabled.json!.disabledAt).toBeNull();
    expect((await callRoute(disableUser, "POST", { token: admin, params: { id: ABSENT } })).status).toBe(404);
    expect((await callRoute(disableUser, "POST", { token: admin, params: { id: "someone" } })).status).toBe(404);

    const reset = await callRoute(resetPassword, "POST", { token: admin, params: { id: person.id }, body: {} });
    expect(reset.json).toMatchObject({ id: person.id, temporaryPassword: expect.any(String) });
    expect((await callRoute(resetPassword, "POST", { token: admin, params: { id: person.id }, body: { password: "short" } })).status).toBe(422);
    for (const [route, method, body] of [[patchUser, "PATCH", { version: 3, name: "x" }], [setRole, "PUT", { role: "ADMIN" }], [disableUser, "POST", undefined], [enableUser, "POST", undefined], [resetPassword, "POST", {}]] as const) {
      expect((await callRoute(route, method, { token: analyst, params: { id: person.id }, body })).status, method).toBe(403);
    }
  });
});

describe("the audit log", () => {
  it("pages through events newest first with the page's filters (action families too), a capped limit, and refuses bad cursors and analysts", async () => {
    const person = await createTestUser(database.db, "READER");
    for (const name of ["One", "Two", "Three", "Four"]) {
      const version = (await database.db.user.findUniqueOrThrow({ where: { id: person.id } })).version;
      expect((await callRoute(patchUser, "PATCH", { token: admin, params: { id: person.id }, body: { version, name } })).status).toBe(200);
    }
    const query = { entityType: "User", entityId: person.id, action: "user:", limit: 3 };
    const { ids, pages } = await collectPages(listAudit, { token: admin, query }, {
      // An event written between pages is newer than the cursor: it never shows up on a later page.
      between: async (page) => {
        if (page === 1) await callRoute(disableUser, "POST", { token: admin, params: { id: person.id } });
      },
    });
    expect(pages).toBe(2);
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
    expect([...ids].map(BigInt).sort((a, b) => (a > b ? -1 : 1)).map(String)).toEqual(ids);
    const first = await callRoute(listAudit, "GET", { token: admin, query: { ...query, limit: 1 } });
    expect(first.json!.data[0]).toMatchObject({ action: "user:disable", entityType: "User", actor: { id: adminUser.id } });
    expect((await callRoute(listAudit, "GET", { token: admin, query: { limit: 101 } })).status).toBe(422);
    expect((await callRoute(listAudit, "GET", { token: admin, query: { cursor: "bm90LWEtY3Vyc29y" } })).status).toBe(422);
    expect((await callRoute(listAudit, "GET", { token: analyst })).status).toBe(403);
  });

  it("downloads the filtered log as CSV, every matching event and nothing else, for admins only", async () => {
    const person = await createTestUser(database.db, "READER");
    await callRoute(disableUser, "POST", { token: admin, params: { id: person.id } });
    await callRoute(enableUser, "POST", { token: admin, params: { id: person.id } });
    const csv = await callRoute(auditCsv, "GET", { token: admin, query: { entityId: person.id } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const rows = parse(csv.text, { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.action)).toEqual(["user:enable", "user:disable"]);
    expect(rows[0]).toMatchObject({ actor_email: adminUser.email, entity_type: "User", entity_id: person.id });
    expect((await callRoute(auditCsv, "GET", { token: analyst })).status).toBe(403);
  });
});

describe("revisions of an entry", () => {
  it("lists every saved version oldest first with what changed; 404 for no such entry; 403 for readers", async () => {
    const slug = await createTestAgreement(database.db, analystUser);
    const logged = await callRoute(logDevelopment, "POST", { token: analyst, body: logForm(`agreement:${slug}`) });
    expect(logged.status).toBe(201);
    const id = logged.json!.id as string;
    expect((await callRoute(editDevelopment, "PATCH", { token: analyst, params: { id }, body: { version: logged.json!.version, headline: "GSOMIA extended, with conditions", ...CLARIFICATION } })).status).toBe(200);
    const revisions = await callRoute(listRevisions, "GET", { token: analyst, params: { id } });
    expect(revisions.status).toBe(200);
    const versions = revisions.json!.data as { version: number; changes: { field: string }[]; snapshot: { headline: string } }[];
    expect(versions.map((revision) => revision.version)).toEqual([...versions.map((revision) => revision.version)].sort((a, b) => a - b));
    expect(versions.at(-1)!.snapshot.headline).toBe("GSOMIA extended, with conditions");
    expect(versions.at(-1)!.changes.map((change) => change.field)).toContain("headline");
    expect((await callRoute(listRevisions, "GET", { token: analyst, params: { id: ABSENT } })).status).toBe(404);
    expect((await callRoute(listRevisions, "GET", { token: reader, params: { id } })).status).toBe(403);
  });
});

describe("one's own API tokens", () => {
  it("creates a token whose secret works at once, lists only one's own, revokes it (then it is refused), 404 for another's, 403 for readers", async () => {
    const created = await callRoute(createToken, "POST", { token: analyst, body: { name: "nightly export" } });
    expect(created.status).toBe(201);
    const secret = created.json!.secret as string;
    const listed = await callRoute(listTokens, "GET", { token: secret });
    expect(listed.status).toBe(200);
    const names = (listed.json!.data as { id: string; name: string; lastUsedAt: string | null }[]).map((token) => token.name);
    expect(names).toContain("nightly export");
    expect(JSON.stringify(listed.json)).not.toContain(secret);
    expect((await database.db.apiToken.count({ where: { userId: analystUser.id } }))).toBe(listed.json!.data.length);
    expect((await callRoute(createToken, "POST", { token: analyst, body: { name: "" } })).status).toBe(422);

    const adminsToken = (await database.db.apiToken.findFirstOrThrow({ where: { userId: adminUser.id } })).id;
    expect((await callRoute(revokeToken, "DELETE", { token: analyst, params: { id: adminsToken } })).status).toBe(404);
    const revoked = await callRoute(revokeToken, "DELETE", { token: analyst, params: { id: created.json!.id } });
    expect(revoked.status).toBe(200);
    expect(revoked.json!.revokedAt).toEqual(expect.any(String));
    expect((await callRoute(listTokens, "GET", { token: secret })).status).toBe(401);
    expect((await callRoute(revokeToken, "DELETE", { token: analyst, params: { id: "nope" } })).status).toBe(404);
    expect((await callRoute(listTokens, "GET", { token: reader })).status).toBe(403);
    expect((await callRoute(createToken, "POST", { token: reader, body: { name: "x" } })).status).toBe(403);
  });
});
