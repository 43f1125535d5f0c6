import type { Account, Profile, User } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authOptions } from "../lib/server/auth/auth-options";
import { resetEnvCache } from "../lib/server/env";
import { databaseFingerprint } from "./support/database-fingerprint";
import { useTestDatabase } from "./support/test-database";
import { createTestUser } from "./support/users";

// Auth.js calls signIn and then jwt with the provider's claims; the provider is not reachable
// offline, so these tests hand the callbacks the profile objects a provider would send.

const database = useTestDatabase();
const OIDC = { OIDC_ISSUER: "https://login.example.org", OIDC_CLIENT_ID: "pactwatch", OIDC_CLIENT_SECRET: "s3cret" };

beforeAll(() => {
  Object.assign(process.env, OIDC);
  resetEnvCache();
});
afterAll(() => {
  for (const key of Object.keys(OIDC)) delete process.env[key];
  resetEnvCache();
});

const account = { provider: "oidc", type: "oauth", providerAccountId: "subject-1" } as Account;

/** What Auth.js does with a provider's profile: signIn decides, then jwt makes the session's token. */
async function signInWith(profile: Record<string, unknown>): Promise<{ allowed: boolean; userId?: string }> {
  const callbacks = authOptions().callbacks!;
  const user = { id: String(profile.sub), email: profile.email as string | undefined, name: profile.name as string | undefined } as User;
  const allowed = await callbacks.signIn!({ user, account, profile: profile as Profile });
  if (allowed !== true) return { allowed: false };
  const token = await callbacks.jwt!({ token: {} as JWT, user, account, profile: profile as Profile, trigger: "signIn" });
  return { allowed: true, userId: token.sub };
}

describe("single sign-on", () => {
  it("refuses to match an existing account unless the provider asserts email_verified: true, writing nothing", async () => {
    const analyst = await createTestUser(database.db, "ANALYST");
    for (const claims of [{}, { email_verified: false }, { email_verified: "true" }, { email_verified: 1 }]) {
      const before = await databaseFingerprint(database.db);
      const result = await signInWith({ sub: "attacker", email: analyst.email, name: "Attacker", ...claims });
      expect(result, JSON.stringify(claims)).toEqual({ allowed: false });
      expect(await databaseFingerprint(database.db), JSON.stringify(claims)).toEqual(before);
    }
  });

  it("never creates an account for an email the provider did not verify", async () => {
    const before = await databaseFingerprint(database.db);
    expect(await signInWith({ sub: "s2", email: "unverified@example.org" })).toEqual({ allowed: false });
    expect(await signInWith({ sub: "s3", email_verified: true })).toEqual({ allowed: false });
    expect(await databaseFingerprint(database.db)).toEqual(before);
  });

  it("signs a verified email in as its existing account, in any letter case, keeping its role", async () => {
    const analyst = await createTestUser(database.db, "ANALYST");
    const users = await database.db.user.count();
    const result = await signInWith({ sub: "s4", email: analyst.email.toUpperCase(), email_verified: true, name: "Someone else" });
    expect(result).toEqual({ allowed: true, userId: analyst.id });
    expect(await database.db.user.count()).toBe(users);
    expect(await database.db.user.findUniqueOrThrow({ where: { id: analyst.id }, select: { role: true, name: true } })).toEqual({ role: "ANALYST", name: analyst.name });
  });

  it("makes a new verified email a reader without a password, audited, once", async () => {
    const first = await signInWith({ sub: "s5", email: "New.Person@Example.org", email_verified: true, name: "New Person" });
    expect(first.allowed).toBe(true);
    const created = await database.db.user.findUniqueOrThrow({ where: { email: "new.person@example.org" } });
    expect(created).toMatchObject({ id: first.userId, name: "New Person", role: "READER", passwordHash: null });
    const events = await database.db.auditEvent.findMany({ where: { entityId: created.id }, select: { action: true, actorId: true, after: true } });
    expect(events).toEqual([{ action: "user:create", actorId: null, after: expect.objectContaining({ email: "new.person@example.org", role: "READER", via: "single sign-on" }) }]);
    expect(await signInWith({ sub: "s5", email: "new.person@example.org", email_verified: true })).toEqual({ allowed: true, userId: created.id });
    expect(await database.db.user.count({ where: { email: "new.person@example.org" } })).toBe(1);
  });

  it("refuses a disabled account even with a verified email", async () => {
    const disabled = await createTestUser(database.db, "READER", { disabled: true });
    expect(await signInWith({ sub: "s6", email: disabled.email, email_verified: true })).toEqual({ allowed: false });
  });
});
