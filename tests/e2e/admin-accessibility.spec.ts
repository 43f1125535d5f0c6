import { expect, test } from "@playwright/test";
import { seriousViolations } from "./admin-axe";
import { signInAs } from "./fixtures";

// Every page of the admin's desk checked with axe-core (serious and critical findings fail). The
// duplicates page with a proposal on it is checked in the merge journey.
test("the admin's pages have no serious accessibility violations", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "admin", { callbackUrl: "/admin" });
  await page.goto("/admin/sources?q=Yonhap");
  const sourceHref = await page.getByRole("table").getByRole("link").first().getAttribute("href");
  await page.goto("/admin/users");
  const userHref = await page.getByRole("table").getByRole("link", { name: "Demo Reader" }).getAttribute("href");
  const violations: string[] = [];
  for (const address of ["/admin", "/admin/sources", sourceHref!, "/admin/sources/duplicates", "/admin/users", userHref!, "/admin/audit", "/admin/deliveries"]) {
    const response = await page.goto(address);
    expect(response?.status(), address).toBe(200);
    await expect(page).toHaveTitle(/Pactwatch/);
    violations.push(...(await seriousViolations(page)));
  }
  expect(violations).toEqual([]);
});
