import { expect, test } from "@playwright/test";
import { demoAccount, signInAs, signOut } from "./fixtures";

test("an analyst signs in, reaches the analyst-only desk, and signs out", async ({ page }) => {
  await page.goto("/desk/log");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdesk%2Flog/);
  const analyst = demoAccount("analyst");
  await page.getByLabel("Email").fill(analyst.email);
  await page.getByLabel("Password").fill(analyst.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/desk\/log$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Log a development" })).toBeVisible();
  await signOut(page);
  await page.goto("/desk/log");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a reader is refused the desk and is not offered it", async ({ page }) => {
  await signInAs(page, "reader");
  await expect(page.getByRole("link", { name: "Log a development" })).toHaveCount(0);
  const response = await page.goto("/desk/log");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
});

test("a wrong password is refused with a clear message, keeping the email", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("analyst@pactwatch.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
  await expect(page.getByLabel("Email")).toHaveValue("analyst@pactwatch.test");
});

test("signing in works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const admin = demoAccount("admin");
  await page.goto("/sign-in?callbackUrl=%2Faccount");
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await context.close();
});
