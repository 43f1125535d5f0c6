import { describe, expect, it } from "vitest";
import { authenticateApiToken } from "../lib/server/api-tokens/authenticate-api-token";
import { findActiveUser } from "../lib/server/auth/find-active-user";
import { signInWithPassword } from "../lib/server/auth/sign-in-with-password";
import { createUserByAdmin } from "../lib/server/users/create-user-by-admin";
import { disableUser } from "../lib/server/users/disable-user";
import { enableUser } from "../lib/server/users/enable-user";
import { getUserForAdmin } from "../lib/server/users/get-user-for-admin";
import { listUsers } from "../lib/server/users/list-users";
import { resetUserPassword } from "../lib/server/users/reset-user-password";
import { setUserRole } from "../lib/server/users/set-user-role";
import { updateUser } from "../lib/server/users/update-user";
import { databaseFingerprint } from "./support/database-fingerprint";
import { useTestDatabase } from "./support/test-database";
import { createTestToken, createTestUser, TEST_PASSWORD } from "./support/users";

const database = useTestDatabase();
const address = "203.0.113.9";
/**
 * A session issued a few seconds ago, on an account made a little before that: sessions keep a
 * one-second grace (JWT iat is in whole seconds), so "just now" would blur the two.
 */
async function sessionIssuedEarlier(userId: string): Promise<Date> {
  await database.db.user.update({ where: { id: userId }, data: { sessionsValidAfter: new Date(Date.now() - 60_000) } });
  return new Date(Date.now() - 5_000);
}

const withoutBigInts = (events: { before: unknown; after: unknown }[]) => JSON.stringify(events.map(({ before, after }) => ({ before, after })));

async function auditOf(userId: string) {
  return database.db.auditEvent.findMany({ where: { entityType: "User", entityId: userId }, orderBy: { id: "asc" } });
}

describe("the last active admin", () => {
  it("can be neither demoted nor disabled, and two admins disabling each other at once leave one", async () => {
    await database.db.user.updateMany({ where: { role: "ADMIN" }, data: { disabledAt: new Date() } });
    const only = await createTestUser(database.db, "ADMIN");
    const before = await databaseFingerprint(database.db);
    await expect(setUserRole(only, { email: only.email, role: "ANALYST" })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("last active admin") });
    await expect(disableUser(only, { userId: only.id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await databaseFingerprint(database.db)).toEqual(before);
    expect(await getUserForAdmin(only, only.id)).toMatchObject({ isLastActiveAdmin: true, isSelf: true });

    const second = await createTestUser(database.db, "ADMIN");
    const results = await Promise.allSettled([disableUser(only, { userId: second.id }), disableUser(second, { userId: only.id })]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((results.find((result) => result.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    expect(await database.db.user.count({ where: { role: "ADMIN", disabledAt: null } })).toBe(1);
  });
});

describe("managing accounts", () => {
  it("creates an account with a temporary password shown once, which signs in", async () => {
    const admin = await createTestUser(database.db, "ADMIN");
    const created = await createUserByAdmin(admin, { email: "new.analyst@example.org", name: "New Analyst", role: "ANALYST", password: undefined });
    expect(created.temporaryPassword).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    await expect(signInWithPassword({ email: "new.analyst@example.org", password: created.temporaryPassword! }, address)).resolves.toEqual({ id: created.id });
    const [event] = await auditOf(created.id);
    expect(event).toMatchObject({ action: "user:create", actorId: admin.id, after: { email: "new.analyst@example.org", role: "ANALYST" } });
    expect(withoutBigInts(await auditOf(created.id))).not.toContain(created.temporaryPassword!);
    await expect(createUserByAdmin(admin, { email: "new.analyst@example.org", name: "Again", role: "READER", password: undefined })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("promotes a reader, and the new role holds at once for sessions and tokens", async () => {
    const admin = await createTestUser(database.db, "ADMIN");
    const reader = await createTestUser(database.db, "READER");
    const token = await createTestToken(database.db, reader.id);
    await setUserRole(admin, { email: reader.email, role: "ANALYST" });
    await expect(findActiveUser(reader.id, new Date())).resolves.toMatchObject({ role: "ANALYST" });
    await expect(authenticateApiToken(`Bearer ${token}`)).resolves.toMatchObject({ role: "ANALYST" });
    const [event] = await auditOf(reader.id);
    expect(event).toMatchObject({ action: "user:role-change", actorId: admin.id, before: { role: "READER" }, after: { role: "ANALYST" } });
  });

  it("disabling ends sessions and tokens at once; enabling lets the account sign in again, old sessions stay ended", async () => {
    const admin = await createTestUser(database.db, "ADMIN");
    const analyst = await createTestUser(database.db, "ANALYST");
    const token = await createTestToken(database.db, analyst.id);
    const sessionIssuedAt = await sessionIssuedEarlier(analyst.id);
    await expect(findActiveUser(analyst.id, sessionIssuedAt)).resolves.toMatchObject({ id: analyst.id });

    await disableUser(admin, { userId: analyst.id });
    await expect(findActiveUser(analyst.id, sessionIssuedAt)).resolves.toBeNull();
    await expect(authenticateApiToken(`Bearer ${token}`)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(signInWithPassword({ email: analyst.email, password: TEST_PASSWORD }, address)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(disableUser(admin, { userId: analyst.id })).rejects.toMatchObject({ code: "CONFLICT" });

    await enableUser(admin, { userId: analyst.id });
    await expect(signInWithPassword({ email: analyst.email, password: TEST_PASSWORD }, address)).resolves.toEqual({ id: analyst.id });
    await expect(findActiveUser(analyst.id, sessionIssuedAt)).resolves.toBeNull();
    await expect(findActiveUser(analyst.id, new Date(Date.now() + 2_000))).resolves.toMatchObject({ id: analyst.id });

    const events = (await auditOf(analyst.id)).filter((event) => event.action !== "user:sign-in");
    expect(events.map((event) => [event.action, event.actorId])).toEqual([
      ["user:disable", admin.id],
      ["user:enable", admin.id],
    ]);
    expect(events[0]!.before).toMatchObject({ disabledAt: null });
    expect(events[0]!.after).toMatchObject({ disabledAt: expect.any(String), sessionsValidAfter: expect.any(String) });
  });

  it("resets a password: the old one stops working, sessions end, and the log never holds a hash", async () => {
    const admin = await createTestUser(database.db, "ADMIN");
    const reader = await createTestUser(database.db, "READER");
    const sessionIssuedAt = await sessionIssuedEarlier(reader.id);
    const reset = await resetUserPassword(admin, { userId: reader.id, password: "a brand new passphrase" });
    expect(reset.temporaryPassword).toBeNull();
    await expect(findActiveUser(reader.id, sessionIssuedAt)).resolves.toBeNull();
    await expect(signInWithPassword({ email: reader.email, password: TEST_PASSWORD }, "198.51.100.20")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(signInWithPassword({ email: reader.email, password: "a brand new passphrase" }, "198.51.100.20")).resolves.toEqual({ id: reader.id });

    const generated = await resetUserPassword(admin, { userId: reader.id, password: undefined });
    await expect(signInWithPassword({ email: reader.email, password: generated.temporaryPassword! }, "198.51.100.20")).resolves.toEqual({ id: reader.id });
    const events = (await auditOf(reader.id)).filter((event) => event.action === "user:password-reset");
    expect(events.map((event) => (event.after as { passwordGenerated: boolean }).passwordGenerated)).toEqual([false, true]);
    expect(withoutBigInts(events)).not.toMatch(/argon2|passwordHash|brand new passphrase/);
  });

  it("edits a name and email with optimistic locking", async () => {
    const admin = await createTestUser(database.db, "ADMIN");
    const reader = await createTestUser(database.db, "READER");
    const other = await createTestUser(database.db, "READER");
    await updateUser(admin, { userId: reader.id, version: 1, name: "Renamed Reader", email: "renamed@example.org" });
    const before = await databaseFingerprint(database.db);
    await expect(updateUser(admin, { userId: reader.id, version: 1, name: "Stale", email: "renamed@example.org" })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { currentVersion: 2, current: { name: "Renamed Reader" } },
    });
    await expect(updateUser(admin, { userId: reader.id, version: 2, name: "Taken", email: other.email })).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { email: expect.any(Array) } });
    expect(await databaseFingerprint(database.db)).toEqual(before);
    expect((await auditOf(reader.id)).map((event) => event.action)).toEqual(["user:edit"]);
  });

  it("refuses every account change to non-admins, writing nothing", async () => {
    const analyst = await createTestUser(database.db, "ANALYST");
    const reader = await createTestUser(database.db, "READER");
    const before = await databaseFingerprint(database.db);
    for (const actor of [analyst, null]) {
      const code = actor ? "FORBIDDEN" : "UNAUTHENTICATED";
      await expect(createUserByAdmin(actor, { email: "x@example.org", name: "X", role: "ADMIN", password: undefined })).rejects.toMatchObject({ code });
      await expect(disableUser(actor, { userId: reader.id })).rejects.toMatchObject({ code });
      await expect(enableUser(actor, { userId: reader.id })).rejects.toMatchObject({ code });
      await expect(resetUserPassword(actor, { userId: reader.id, password: undefined })).rejects.toMatchObject({ code });
      await expect(updateUser(actor, { userId: reader.id, version: 1, name: "X", email: reader.email })).rejects.toMatchObject({ code });
      await expect(listUsers(actor)).rejects.toMatchObject({ code });
      // Promoting anyone, themselves included, is an account change too.
      await expect(setUserRole(actor, { email: reader.email, role: "ADMIN" })).rejects.toMatchObject({ code });
      if (actor) await expect(setUserRole(actor, { email: actor.email, role: "ADMIN" })).rejects.toMatchObject({ code });
    }
    expect(await databaseFingerprint(database.db)).toEqual(before);
  });

  it("lists accounts by name with filters, never with password hashes", async () => {
    const admin = await createTestUser(database.db, "ADMIN");
    const disabledAdmin = await createTestUser(database.db, "ADMIN");
    await database.db.user.update({ where: { id: disabledAdmin.id }, data: { disabledAt: new Date() } });
    const analyst = await createTestUser(database.db, "ANALYST");
    const { users, total } = await listUsers(admin, { q: "", role: "ADMIN", status: "active" });
    expect(total).toBe(users.length);
    expect(total).toBe(await database.db.user.count({ where: { role: "ADMIN", disabledAt: null } }));
    expect(users.map((user) => user.id)).toContain(admin.id);
    expect(users.map((user) => user.id)).not.toContain(disabledAdmin.id);
    expect(users.map((user) => user.id)).not.toContain(analyst.id);
    expect(users.every((user) => user.role === "ADMIN" && user.disabledAt === null)).toBe(true);
    expect(JSON.stringify(users)).not.toContain("argon2");
  });
});
