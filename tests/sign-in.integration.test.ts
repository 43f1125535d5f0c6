import { encode } from "next-auth/jwt";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { signInWithPassword } from "../lib/server/auth/sign-in-with-password";
import { authenticateApiToken } from "../lib/server/api-tokens/authenticate-api-token";
import { createApiToken } from "../lib/server/api-tokens/create-api-token";
import { revokeApiToken } from "../lib/server/api-tokens/revoke-api-token";
import { findActiveUser } from "../lib/server/auth/find-active-user";
import { decodeSessionToken, encodeSessionToken } from "../lib/server/auth/session-token";
import { actorOfSession, openSession, revokeSession, signOutEverywhere } from "../lib/server/auth/sessions";
import { SIGN_IN_LIMITS, slowdownMs } from "../lib/server/auth/sign-in-limits";
import * as passwords from "../lib/server/users/password";
import { createDatabase, setDatabase } from "../lib/server/db";
import { resetEnvCache } from "../lib/server/env";
import { can } from "../lib/server/permissions";
import { listAgreements } from "../lib/server/agreements/list-agreements";
import { createTestUser, TEST_PASSWORD } from "./support/users";
import { useTestDatabase } from "./support/test-database";

// Counts how many passwords were actually checked, calling the real argon2 verification.
vi.mock("../lib/server/users/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("../lib/server/users/password")>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});

const database = useTestDatabase();

async function sessionTokenFor(userId: string): Promise<string> {
  return encodeSessionToken(userId, await openSession(userId));
}
const address = "203.0.113.7";

describe("signing in with a password", () => {
  it("accepts the right password, records the sign-in, and refuses a wrong one", async () => {
    const analyst = await createTestUser(database.db, "ANALYST");
    const started = Date.now();
    await expect(signInWithPassword({ email: analyst.email, password: TEST_PASSWORD }, address)).resolves.toEqual({ id: analyst.id });
    const signedIn = (await database.db.user.findUniqueOrThrow({ where: { id: analyst.id } })).lastSignInAt;
    expect(signedIn).not.toBeNull();
    // Recorded now, not some stale or default time.
    expect(signedIn!.getTime()).toBeGreaterThanOrEqual(started - 1_000);
    expect(signedIn!.getTime()).toBeLessThanOrEqual(Date.now() + 1_000);
    expect(await database.db.auditEvent.count({ where: { action: "user:sign-in", entityId: analyst.id } })).toBe(1);
    await expect(signInWithPassword({ email: analyst.email, password: "wrong password!!" }, address)).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
      message: "Wrong email or password.",
    });
    await expect(signInWithPassword({ email: "nobody@example.org", password: TEST_PASSWORD }, address)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    // A refused sign-in records no sign-in.
    expect((await database.db.user.findUniqueOrThrow({ where: { id: analyst.id } })).lastSignInAt).toEqual(signedIn);
    expect(await database.db.auditEvent.count({ where: { action: "user:sign-in", entityId: analyst.id } })).toBe(1);
  });

  it("refuses a sixth failure a minute from one address, even the right password, across app processes", async () => {
    const reader = await createTestUser(database.db, "READER");
    // A second client on the same database stands for a second app process.
    const otherProcess = createDatabase({ url: database.url, poolSize: 2 });
    try {
      for (let attempt = 0; attempt < 5; attempt++) {
        setDatabase(attempt % 2 === 0 ? database.db : otherProcess);
        await expect(signInWithPassword({ email: reader.email, password: `wrong ${attempt} guess` }, "198.51.100.1")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
      }
      setDatabase(otherProcess);
      const blocked = signInWithPassword({ email: reader.email, password: TEST_PASSWORD }, "198.51.100.1");
      await expect(blocked).rejects.toMatchObject({ code: "RATE_LIMITED", details: { retryAfterSeconds: expect.any(Number) } });
      await expect(blocked).rejects.toThrow(/^Too many failed sign-ins\. Try again in \d+ s\.$/);
      // The blocked right password signs nobody in.
      expect((await database.db.user.findUniqueOrThrow({ where: { id: reader.id } })).lastSignInAt).toBeNull();
      expect(await database.db.auditEvent.count({ where: { action: "user:sign-in", entityId: reader.id } })).toBe(0);
    } finally {
      setDatabase(database.db);
      await otherProcess.$disconnect();
    }
  });

  it("slows an account guessed at from many addresses but never locks its owner out", async () => {
    const reader = await createTestUser(database.db, "READER");
    for (let attempt = 0; attempt < 5; attempt++) {
      await expect(signInWithPassword({ email: reader.email, password: `wrong ${attempt} guess` }, `198.51.100.${attempt + 10}`)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    }
    const started = performance.now();
    await expect(signInWithPassword({ email: reader.email, password: TEST_PASSWORD }, "198.51.100.99")).resolves.toEqual({ id: reader.id });
    // Five failures from anywhere: the sixth attempt waited before its password was checked.
    expect(performance.now() - started).toBeGreaterThanOrEqual(slowdownMs(5) - 50);
    expect(slowdownMs(5)).toBe(SIGN_IN_LIMITS.accountSlowdown.delayMsPerFailure);
    // The success cleared the account's count, so the next attempt waits for nothing.
    expect(await database.db.rateLimit.findUnique({ where: { key: `sign-in:account:${reader.email}` } })).toBeNull();
    await expect(signInWithPassword({ email: reader.email, password: `wrong again` }, "198.51.100.98")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await database.db.rateLimit.findUnique({ where: { key: `sign-in:account:${reader.email}` } })).toMatchObject({ points: 1 });
  });

  it("grows the slowdown with each failure, up to a bound", () => {
    expect([0, 4, 5, 6, 9, 50, 10_000].map(slowdownMs)).toEqual([0, 0, 1_000, 2_000, 5_000, 10_000, 10_000]);
  });

  it("checks at most 5 of 40 wrong passwords fired at once", async () => {
    const reader = await createTestUser(database.db, "READER");
    const verify = vi.mocked(passwords.verifyPassword);
    verify.mockClear();
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, attempt) => signInWithPassword({ email: reader.email, password: `parallel guess ${attempt}` }, "198.51.100.200")),
    );
    const codes = results.map((result) => (result.status === "rejected" ? (result.reason as { code: string }).code : "OK"));
    expect(codes.filter((code) => code === "UNAUTHENTICATED")).toHaveLength(SIGN_IN_LIMITS.accountAtAddress.points);
    expect(codes.filter((code) => code === "RATE_LIMITED")).toHaveLength(40 - SIGN_IN_LIMITS.accountAtAddress.points);
    expect(verify).toHaveBeenCalledTimes(SIGN_IN_LIMITS.accountAtAddress.points);
  });

  it("limits one client address guessing across many accounts", async () => {
    const users = await Promise.all(Array.from({ length: 21 }, () => createTestUser(database.db, "READER")));
    for (const user of users.slice(0, 20)) {
      await expect(signInWithPassword({ email: user.email, password: "not the password" }, "192.0.2.50")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    }
    await expect(signInWithPassword({ email: users[20]!.email, password: TEST_PASSWORD }, "192.0.2.50")).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await expect(signInWithPassword({ email: users[20]!.email, password: TEST_PASSWORD }, "192.0.2.51")).resolves.toEqual({ id: users[20]!.id });
  });

  it("refuses a disabled account, and its existing sessions stop working", async () => {
    const analyst = await createTestUser(database.db, "ANALYST");
    const token = await sessionTokenFor(analyst.id);
    const session = await decodeSessionToken(token);
    expect(await findActiveUser(session!.userId, session!.issuedAt)).toMatchObject({ id: analyst.id, role: "ANALYST" });
    expect(await actorOfSession(session!)).toMatchObject({ id: analyst.id });
    await database.db.user.update({ where: { id: analyst.id }, data: { disabledAt: new Date() } });
    await expect(signInWithPassword({ email: analyst.email, password: TEST_PASSWORD }, address)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await database.db.user.findUniqueOrThrow({ where: { id: analyst.id } })).lastSignInAt).toBeNull();
    expect(await database.db.auditEvent.count({ where: { action: "user:sign-in", entityId: analyst.id } })).toBe(0);
    expect(await findActiveUser(session!.userId, session!.issuedAt)).toBeNull();
    expect(await actorOfSession(session!)).toBeNull();
  });

  it("refuses forged and foreign session tokens", async () => {
    expect(await decodeSessionToken("not-a-token")).toBeNull();
    expect(await decodeSessionToken(undefined)).toBeNull();

    const admin = await createTestUser(database.db, "ADMIN");
    const genuine = await sessionTokenFor(admin.id);
    expect(await decodeSessionToken(genuine)).toMatchObject({ userId: admin.id });
    // Signed (encrypted) with another deployment's secret.
    const foreign = await encode({ token: { sub: admin.id, sid: crypto.randomUUID() }, secret: "another-deployment-secret-that-is-long-0123456789", maxAge: 60 });
    expect(await decodeSessionToken(foreign)).toBeNull();
    // A genuine token with one character of any of its parts changed.
    const parts = genuine.split(".");
    for (let index = 0; index < parts.length; index++) {
      if (!parts[index]) continue;
      const part = parts[index]!;
      const middle = Math.floor(part.length / 2);
      const flipped = part.slice(0, middle) + (part[middle] === "A" ? "B" : "A") + part.slice(middle + 1);
      const tampered = [...parts.slice(0, index), flipped, ...parts.slice(index + 1)].join(".");
      expect(await decodeSessionToken(tampered), `part ${index} changed`).toBeNull();
    }
    // An unsigned token naming the admin.
    const header = Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url");
    const body = Buffer.from(JSON.stringify({ sub: admin.id, sid: crypto.randomUUID(), iat: Math.floor(Date.now() / 1000) })).toString("base64url");
    expect(await decodeSessionToken(`${header}.${body}.`)).toBeNull();
  });

  it("drops sessions issued before sessionsValidAfter (password reset, sign out everywhere)", async () => {
    const admin = await createTestUser(database.db, "ADMIN");
    const session = await decodeSessionToken(await sessionTokenFor(admin.id));
    await database.db.user.update({ where: { id: admin.id }, data: { sessionsValidAfter: new Date(Date.now() + 5_000) } });
    expect(await findActiveUser(session!.userId, session!.issuedAt)).toBeNull();
    expect(await actorOfSession(session!)).toBeNull();
  });
});

describe("ending sessions", () => {
  it("sign-out ends that session on the server: a copied cookie stops working, other sessions go on", async () => {
    const analyst = await createTestUser(database.db, "ANALYST");
    const copied = await sessionTokenFor(analyst.id);
    const otherDevice = await decodeSessionToken(await sessionTokenFor(analyst.id));
    const claims = await decodeSessionToken(copied);
    expect(await actorOfSession(claims!)).toMatchObject({ id: analyst.id });
    await revokeSession(claims);
    // The same cookie, replayed: still a valid signature, but its session is over.
    expect(await decodeSessionToken(copied)).toMatchObject({ userId: analyst.id });
    expect(await actorOfSession((await decodeSessionToken(copied))!)).toBeNull();
    expect(await actorOfSession(otherDevice!)).toMatchObject({ id: analyst.id });
    expect(await database.db.auditEvent.count({ where: { action: "user:sign-out", entityId: analyst.id } })).toBe(1);
    // Signing out twice records nothing more.
    await revokeSession(claims);
    expect(await database.db.auditEvent.count({ where: { action: "user:sign-out", entityId: analyst.id } })).toBe(1);
  });

  it("refuses a token without a session id, one naming another user's session, and an expired session row", async () => {
    const reader = await createTestUser(database.db, "READER");
    const other = await createTestUser(database.db, "READER");
    const sessionless = await encode({ token: { sub: reader.id }, secret: process.env.AUTH_SECRET!, maxAge: 60 });
    expect(await decodeSessionToken(sessionless)).toBeNull();
    const othersSession = await openSession(other.id);
    expect(await actorOfSession({ userId: reader.id, sessionId: othersSession, issuedAt: new Date() })).toBeNull();
    expect(await actorOfSession({ userId: reader.id, sessionId: "not-a-uuid", issuedAt: new Date() })).toBeNull();
    const expiring = await openSession(reader.id);
    await database.db.session.update({ where: { id: expiring }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await actorOfSession({ userId: reader.id, sessionId: expiring, issuedAt: new Date() })).toBeNull();
  });

  it("sign out everywhere ends every session of the account, audited, and leaves other accounts alone", async () => {
    const analyst = await createTestUser(database.db, "ANALYST");
    const bystander = await createTestUser(database.db, "ANALYST");
    const sessions = await Promise.all([1, 2, 3].map(async () => (await decodeSessionToken(await sessionTokenFor(analyst.id)))!));
    const bystanderSession = (await decodeSessionToken(await sessionTokenFor(bystander.id)))!;
    await expect(signOutEverywhere(analyst)).resolves.toEqual({ ended: 3 });
    for (const session of sessions) expect(await actorOfSession(session)).toBeNull();
    expect(await actorOfSession(bystanderSession)).toMatchObject({ id: bystander.id });
    const events = await database.db.auditEvent.findMany({ where: { action: "user:sign-out-everywhere", entityId: analyst.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: analyst.id, after: { sessionsEnded: 3 } });
    // A session opened afterwards works.
    const fresh = (await decodeSessionToken(await sessionTokenFor(analyst.id)))!;
    expect(await actorOfSession(fresh)).toMatchObject({ id: analyst.id });
    await expect(signOutEverywhere(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});

describe("personal API tokens", () => {
  it("authenticate with the owner's current role until revoked, and never store the secret", async () => {
    const analyst = await createTestUser(database.db, "ANALYST");
    const created = await createApiToken(analyst, { name: "nightly export" });
    expect(created.secret).toMatch(/^pw_[A-Za-z0-9_-]{43}$/);
    const stored = await database.db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(JSON.stringify(stored)).not.toContain(created.secret);

    await expect(authenticateApiToken(`Bearer ${created.secret}`)).resolves.toEqual({ id: analyst.id, role: "ANALYST", name: analyst.name, email: analyst.email });
    await database.db.user.update({ where: { id: analyst.id }, data: { role: "READER" } });
    await expect(authenticateApiToken(`Bearer ${created.secret}`)).resolves.toMatchObject({ role: "READER" });
    await database.db.user.update({ where: { id: analyst.id }, data: { role: "ANALYST" } });

    await revokeApiToken(analyst, { tokenId: created.id });
    await expect(authenticateApiToken(`Bearer ${created.secret}`)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await database.db.auditEvent.count({ where: { entityId: created.id } })).toBe(2);
  });

  it("refuses a disabled owner's token, malformed headers, and readers creating tokens", async () => {
    const admin = await createTestUser(database.db, "ADMIN");
    const { secret } = await createApiToken(admin, { name: "script" });
    const owner = await createTestUser(database.db, "ANALYST");
    await database.db.user.update({ where: { id: admin.id }, data: { disabledAt: new Date() } });
    await expect(authenticateApiToken(`Bearer ${secret}`)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const { secret: expiring, id: expiringId } = await createApiToken(owner, { name: "expiring" });
    await database.db.apiToken.update({ where: { id: expiringId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(authenticateApiToken(`Bearer ${expiring}`)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(authenticateApiToken("Basic abc")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(authenticateApiToken("Bearer pw_guess")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const reader = await createTestUser(database.db, "READER");
    await expect(createApiToken(reader, { name: "nope" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await database.db.apiToken.count({ where: { userId: reader.id } })).toBe(0);
    expect(await database.db.auditEvent.count({ where: { actorId: reader.id } })).toBe(0);
  });
});

describe("PUBLIC_READ=false", () => {
  afterEach(() => {
    process.env.PUBLIC_READ = "true";
    resetEnvCache();
  });

  beforeAll(() => resetEnvCache());

  it("requires sign-in to read; signed-in readers still read", async () => {
    expect(can(null, "published:read")).toBe(true);
    process.env.PUBLIC_READ = "false";
    resetEnvCache();
    expect(can(null, "published:read")).toBe(false);
    await expect(listAgreements(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const reader = await createTestUser(database.db, "READER");
    await expect(listAgreements(reader)).resolves.toMatchObject({ items: [] });
  });
});
