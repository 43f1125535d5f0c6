import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

// Issue 13 item 3: a signed-out reader goes from the relation page to its mirror view and reads
// the 21-day lag of 2019 between Japan's white-list removal (in force 28 August) and South
// Korea's answer (in force 18 September), in the table and in the chart's description; then the
// page without JavaScript, and axe.

test("a reader opens the mirror view of Japan and South Korea and reads the 21-day lag of 2019", async ({ page }) => {
  await page.goto("/relations/JPN-KOR");
  await page.getByRole("link", { name: /Mirror view: which measure answered which/ }).click();
  await expect(page).toHaveURL(/\/relations\/JPN-KOR\/mirror$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mirror view: Japan and South Korea");

  const table = page.getByRole("table", { name: /Mirror pairs between Japan and South Korea/ });
  const row = table.getByRole("row").filter({ hasText: "answered by South Korea's removal of Japan" });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("cell").nth(0)).toHaveText("Linked as retaliation");
  const inForce = row.getByRole("cell").nth(2);
  await expect(inForce).toContainText("JPN: 28 August 2019");
  await expect(inForce).toContainText("KOR: 18 September 2019");
  await expect(inForce.getByText("21 days later")).toBeVisible();
  // South Korea restored Japan on 24 April 2023, 88 days before Japan's restoration took effect.
  await expect(row.getByRole("cell").nth(3).getByText("88 days earlier")).toBeVisible();

  const chart = page.getByRole("img", { name: "Mirror pairs between Japan and South Korea, with the lags between them" });
  await expect(chart).toBeVisible();
  await expect(chart.locator("desc")).toContainText("in force 21 days later");
  await expect(chart.getByText("in force 21 days later", { exact: true })).toBeVisible();
  await page.screenshot({ path: "test-results/mirror-view.png", fullPage: true });

  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => violation.id)).toEqual([]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the mirror view reads the same", async ({ page }) => {
    await page.goto("/relations/KOR-JPN/mirror");
    await expect(page).toHaveURL(/\/relations\/JPN-KOR\/mirror$/);
    await expect(page.getByRole("table").getByText("21 days later")).toBeVisible();
    await expect(page.getByRole("img", { name: /Mirror pairs/ })).toBeVisible();
  });
});
