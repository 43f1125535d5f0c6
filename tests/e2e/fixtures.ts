import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { demoAccounts } from "../../prisma/seed/demo-accounts";
import { withAppDatabase } from "./admin-database";

export type TDemoRole = "reader" | "analyst" | "admin";

// lib/server/auth/session-token.ts's cookie (that module is server-only, so not imported here).
// A renamed cookie fails every signInAs below loudly: the header would not show the account.
const SESSION_COOKIE = "pactwatch.session-token";
const SESSION_MAX_AGE_SECONDS = 60 * 60;

/** The demo account of a role (the e2e server runs on a fresh embedded database with them). */
export function demoAccount(role: TDemoRole) {
  const account = demoAccounts.find((candidate) => candidate.role === role.toUpperCase());
  if (!account) throw new Error(`no demo account for ${role}`);
  return account;
}

/** The app's AUTH_SECRET: generated once into the e2e server's data folder (scripts/lib/auth-secret.ts). */
function appAuthSecret(): string {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error("E2E_DATA_DIR is not set: run the journeys through playwright.config.ts");
  return fs.readFileSync(path.join(dataDir, "auth-secret"), "utf8").trim();
}

const userIds = new Map<string, string>();

async function userIdOf(email: string): Promise<string> {
  if (!userIds.has(email)) {
    const { rows } = await withAppDatabase((client) => client.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email]));
    if (!rows[0]) throw new Error(`the e2e database has no account ${email}`);
    userIds.set(email, rows[0].id);
  }
  return userIds.get(email)!;
}

/**
 * Signs in as a demo account without the form: mints the session cookie the app would set (an
 * Auth.js JWT sealed with the app's AUTH_SECRET), opens `callbackUrl` and waits until the header
 * shows the account. accounts.spec.ts is the one journey that types into the form.
 */
export async function signInAs(page: Page, role: TDemoRole, { callbackUrl = "/" } = {}): Promise<void> {
  const account = demoAccount(role);
  const userId = await userIdOf(account.email);
  // A session row, as a sign-in opens one (decision 014): the app refuses a cookie without it.
  const { rows } = await withAppDatabase((client) =>
    client.query<{ id: string }>(`INSERT INTO "Session" (id, "userId", "expiresAt") VALUES (gen_random_uuid(), $1, now() + make_interval(secs => $2)) RETURNING id`, [userId, SESSION_MAX_AGE_SECONDS]),
  );
  const token = await encode({ token: { sub: userId, sid: rows[0]!.id }, secret: appAuthSecret(), maxAge: SESSION_MAX_AGE_SECONDS });
  const { hostname } = new URL(test.info().project.use.baseURL!);
  await page.context().addCookies([{ name: SESSION_COOKIE, value: token, domain: hostname, path: "/", httpOnly: true, sameSite: "Lax", secure: false }]);
  await page.goto(callbackUrl);
  await expect(page.getByRole("banner").getByRole("link", { name: new RegExp(`${account.name}`) })).toBeVisible();
}

/** Signs out with the header's button. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
}
