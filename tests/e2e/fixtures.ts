import { expect, type Page } from "@playwright/test";
import { demoAccounts } from "../../prisma/seed/demo-accounts";

export type TDemoRole = "reader" | "analyst" | "admin";

/** The demo account of a role (the e2e server runs on a fresh embedded database with them). */
export function demoAccount(role: TDemoRole) {
  const account = demoAccounts.find((candidate) => candidate.role === role.toUpperCase());
  if (!account) throw new Error(`no demo account for ${role}`);
  return account;
}

/** Signs in through the real form and waits until the header shows the account. */
export async function signInAs(page: Page, role: TDemoRole, { callbackUrl = "/" } = {}): Promise<void> {
  const account = demoAccount(role);
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: new RegExp(`${account.name}`) })).toBeVisible();
}

/** Signs out with the header's button. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
}
