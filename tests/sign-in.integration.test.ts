import { encode } from "next-auth/jwt";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { signInWithPassword } from "../lib/server/auth/sign-in-with-password";
import { authenticateApiToken } from "../lib/server/api-tokens/authenticate-api-token";
import { createApiToken } from "../lib/server/api-tokens/create-api-token";
import { revokeApiToken } from "../lib/server/api-tokens/revoke-api-token";
import { findActiveUser } from "../lib/server/auth/find-active-user";
import { decodeSessionToken, encodeSessionToken } from "../lib/server/auth/session-token";
import { createDatabase, setDatabase } from "../lib/server/db";
import { resetEnvCache } from "../lib/server/env";
import { can } from "../lib/server/permissions";
import { listAgreements } from "../lib/server/agreements/list-agreements";
import { createTestUser, TEST_PASSWORD } from "./support/users";
import { useTestDatabase } from "./support/test-database";

const database = useTestDatabase();
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

  it("slows an account down after 5 failures a minute, even for the right password, across app processes", async () => {
    const reader = await createTestUser(database.db, "READER");
    // A second client on the same database stands for a second app process.
    const otherProcess = createDatabase({ url: database.url, poolSize: 2 });
    try {
      for (let attempt = 0; attempt < 5; attempt++) {
        setDatabase(attempt % 2 === 0 ? database.db : otherProcess);
        await expect(signInWithPassword({ email: reader.email, password: `wrong ${attempt} guess` }, `198.51.100.${attempt}`)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
      }
      setDatabase(otherProcess);
      const blocked = signInWithPassword({ email: reader.email, password: TEST_PASSWORD }, "198.51.100.99");
      await expect(blocked).rejects.toMatchObject({ code: "RATE_LIMITED" });
      await expect(blocked).rejects.toThrow(/^Too many failed sign-ins\. Try again in \d+ s\.$/);
      // The blocked right password signs nobody in.
      expect((await database.db.user.findUniqueOrThrow({ where: { id: reader.id } })).lastSignInAt).toBeNull();
      expect(await database.db.auditEvent.count({ where: { action: "user:sign-in", entityId: reader.id } })).toBe(0);
    } finally {
      setDatabase(database.db);
      await otherProcess.$disconnect();
    }
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
    const token = await encodeSessionToken(analyst.id);
    const session = await decodeSessionToken(token);
    expect(await findActiveUser(session!.userId, session!.issuedAt)).toMatchObject({ id: analyst.id, role: "ANALYST" });
    await database.db.user.update({ where: { id: analyst.id }, data: { disabledAt: new Date() } });
    await expect(signInWithPassword({ email: analyst.email, password: TEST_PASSWORD }, address)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await database.db.user.findUniqueOrThrow({ where: { id: analyst.id } })).lastSignInAt).toBeNull();
    expect(await database.db.auditEvent.count({ where: { action: "user:sign-in", entityId: analyst.id } })).toBe(0);
    expect(await findActiveUser(session!.userId, session!.issuedAt)).toBeNull();
  });

  it("refuses forged and foreign session tokens", async () => {
    expect(await decodeSessionToken("not-a-token")).toBeNull();
    expect(await decodeSessionToken(undefined)).toBeNull();

    const admin = await createTestUser(database.db, "ADMIN");
    const genuine = await encodeSessionToken(admin.id);
    expect(await decodeSessionToken(genuine)).toMatchObject({ userId: admin.id });
    // Signed (encrypted) with another deployment's secret.
    const foreign = await encode({ token: { sub: admin.id }, secret: "another-deployment-secret-that-is-long-0123456789", maxAge: 60 });
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
    const body = Buffer.from(JSON.stringify({ sub: admin.id, iat: Math.floor(Date.now() / 1000) })).toString("base64url");
    expect(await decodeSessionToken(`${header}.${body}.`)).toBeNull();
  });

  it("drops sessions issued before sessionsValidAfter (password reset, sign out everywhere)", async () => {
    const admin = await createTestUser(database.db, "ADMIN");
    const session = await decodeSessionToken(await encodeSessionToken(admin.id));
    await database.db.user.update({ where: { id: admin.id }, data: { sessionsValidAfter: new Date(Date.now() + 5_000) } });
    expect(await findActiveUser(session!.userId, session!.issuedAt)).toBeNull();
  });
});

describe("personal API tokens", () => {
  it("authenticate with the owner's current role until revoked, and never store the secret", async () => {
    const analyst = await createTestUser(database.db, "ANALYST");
    const created = await createApiToken(analyst, { name: "nightly export" });
    expect(created.secret).toMatch(/^pw_[A-Za-z0-9_-]{43}$/);
    const stored = await database.db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(JSON.stringify(stored)).not.toContain(created.secret);

    await expect(authenticateApiToken(`Bearer ${created.secret}`)).resolves.toMatchObject({ id: analyst.id, role: "ANALYST" });
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
    await database.db.user.update({ where: { id: admin.id }, data: { disabledAt: new Date() } });
    await expect(authenticateApiToken(`Bearer ${secret}`)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
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
