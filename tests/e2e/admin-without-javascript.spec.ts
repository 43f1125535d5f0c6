import { expect, test } from "@playwright/test";
import { demoAccount, signInAs } from "./fixtures";

// The admin's forms are plain forms posting to server actions: they work with JavaScript off.
test("without JavaScript an admin grades, retires and restores a source, and creates an account", async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const admin = demoAccount("admin");
  await page.goto("/sign-in?callbackUrl=%2Fadmin%2Fsources%3Fq%3DArirang");
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Source registry" })).toBeVisible();
  await page.getByRole("table").getByRole("link", { name: /Arirang|divided on termination/ }).first().click();

  await page.getByRole("group", { name: "Reliability" }).getByLabel(/^C · Fairly reliable/).check();
  await page.getByLabel("Why this grade").fill("Public broadcaster; accurate on facts, thin on sourcing.");
  await page.getByRole("button", { name: "Save grade" }).click();
  await expect(page.getByRole("status")).toHaveText("Graded C.");
  await expect(page.getByText("reliability C (fairly reliable)")).toBeVisible();

  await page.getByRole("button", { name: "Retire source" }).click();
  await expect(page.getByText("Say why the source is retired")).toBeVisible();
  await page.getByLabel("Reason for retiring").fill("Link dead; no archived copy found");
  await page.getByRole("button", { name: "Retire source" }).click();
  await expect(page.getByRole("region", { name: "Retired" })).toContainText("Link dead; no archived copy found");

  // The reason the form promises readers is beside the citation, and the analyst's registry
  // search shows the source with it but will not let it be picked.
  const readerContext = await browser.newContext();
  const reader = await readerContext.newPage();
  await reader.goto("/agreements/gsomia");
  const retiredCitation = reader.getByRole("listitem").filter({ has: reader.getByRole("link", { name: /divided on termination/ }) });
  await expect(retiredCitation.first()).toContainText("Retired source: Link dead; no archived copy found");
  await readerContext.close();
  const analystContext = await browser.newContext();
  const analyst = await analystContext.newPage();
  await signInAs(analyst, "analyst", { callbackUrl: "/desk/log?agreement=gsomia" });
  await analyst.goto("/desk/log?agreement=gsomia");
  const row = analyst.getByRole("group", { name: "Citation 1" });
  await row.getByLabel("Find a source in the registry").fill("divided on termination");
  const retiredChoice = row.getByRole("button", { name: /divided on termination/ }).first();
  await expect(retiredChoice).toBeDisabled();
  await expect(retiredChoice).toHaveAccessibleDescription("Retired, cannot be cited anew: Link dead; no archived copy found");
  await analystContext.close();

  await page.getByRole("button", { name: "Restore source" }).click();
  await expect(page.getByRole("button", { name: "Retire source" })).toBeVisible();

  await page.goto("/admin/users");
  const create = page.getByRole("region", { name: "Create an account" });
  await create.getByLabel("Name", { exact: true }).fill("Invited Analyst");
  await create.getByLabel("Email", { exact: true }).fill("invited.analyst@example.org");
  await create.getByLabel("Role", { exact: true }).selectOption({ label: "Analyst" });
  await create.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status")).toContainText("Account created for Invited Analyst");
  await expect(page.getByTestId("temporary-password")).toHaveText(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
  await context.close();
});
