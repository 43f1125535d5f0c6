import { expect, test, type Page } from "@playwright/test";
import { demoAccount, signInAs } from "./fixtures";

const reader = demoAccount("reader");

async function setRoleOfDemoReader(page: Page, role: "Analyst" | "Reader") {
  await page.goto("/admin/users");
  await page.getByRole("table").getByRole("link", { name: reader.name }).click();
  await expect(page.getByRole("heading", { level: 1, name: reader.name })).toBeVisible();
  await page.getByRole("combobox", { name: "Role" }).selectOption({ label: role });
  await page.getByRole("button", { name: "Change role" }).click();
  await expect(page.getByRole("status")).toContainText(`Role changed to ${role.toLowerCase()}`);
}

test("a reader is neither shown nor let into the admin's desk", async ({ page }) => {
  await signInAs(page, "reader");
  await expect(page.getByRole("banner").getByRole("link", { name: "Admin" })).toHaveCount(0);
  for (const path of ["/admin", "/admin/users", "/admin/sources", "/admin/audit"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Admin" })).toHaveCount(0);
  }
  const csv = await page.request.get("/admin/audit/export");
  expect(csv.status()).toBe(403);
});

test("an admin promotes the demo reader to analyst, who can then log a development", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signInAs(page, "admin", { callbackUrl: "/admin" });
  await setRoleOfDemoReader(page, "Analyst");

  // The reader's next request already carries the new role: no new sign-in is needed.
  const promoted = await (await browser.newContext()).newPage();
  await signInAs(promoted, "reader");
  const logLink = promoted.getByRole("banner").getByRole("link", { name: "Log a development" });
  await expect(logLink).toBeVisible();
  await logLink.click();
  await expect(promoted).toHaveURL(/\/desk\/log/);
  await expect(promoted.getByRole("heading", { level: 1, name: "Log a development" })).toBeVisible();
  await expect(promoted.getByRole("heading", { name: "Not allowed" })).toHaveCount(0);

  await promoted.goto("/desk/log?agreement=gsomia");
  await promoted.getByLabel("New status").selectOption("IN_FORCE");
  await promoted.getByLabel("Headline").fill("GSOMIA remains in force (logged by a newly promoted analyst)");
  await promoted.getByLabel("Occurred on").fill("2024-01-15");
  await promoted.getByRole("button", { name: "Save draft" }).click();
  await expect(promoted).toHaveURL(/\/desk\/entries\/[0-9a-f-]{36}\?saved=draft/);

  // The role change is in the audit log with before and after side by side.
  await page.goto(`/admin/audit?action=user:role-change`);
  const change = page.getByRole("list", { name: "Audit events" }).getByRole("article").first();
  await expect(change).toContainText("Demo Admin");
  const roleRow = change.getByRole("row", { name: /^role/ });
  await expect(roleRow.getByRole("cell")).toHaveText(["READER", "ANALYST"]);

  // Demoted again, the header stops offering the desk at the next page.
  await setRoleOfDemoReader(page, "Reader");
  await promoted.goto("/");
  await expect(promoted.getByRole("banner").getByRole("link", { name: "Log a development" })).toHaveCount(0);
  expect((await promoted.goto("/desk/log"))?.status()).toBe(403);
});

test("the last admin cannot demote themselves; the refusal is shown and nothing changes", async ({ page }) => {
  await signInAs(page, "admin", { callbackUrl: "/admin/users" });
  await page.getByRole("table").getByRole("link", { name: demoAccount("admin").name }).click();
  await expect(page.getByText("This is the last active admin")).toBeVisible();
  await page.getByRole("combobox", { name: "Role" }).selectOption({ label: "Analyst" });
  await page.getByRole("button", { name: "Change role" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("last active admin");
  await page.reload();
  await expect(page.getByRole("banner").getByRole("link", { name: /\(admin\)/ })).toBeVisible();
});
