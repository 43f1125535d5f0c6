import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

// Issue 12: a signed-out reader opens GSOMIA as it was known on 22 November 2019, before and
// after the reversal that evening (Seoul time), sees the two statuses, and follows a link that
// keeps the instant (decision 029).
test("a signed-out reader reads GSOMIA as known at noon and at 23:00 on 22 November 2019, and links keep the instant", async ({ page }) => {
  await page.goto("/agreements/gsomia?asOf=2019-11-22T12:00");
  const banner = page.getByRole("note", { name: "Reading as of a past instant" });
  await expect(banner).toContainText("The record as it was known on 22 November 2019, 12:00");
  const panel = page.locator("section[aria-labelledby='status-heading']");
  await expect(panel).toContainText("Notice given");
  await expect(panel).not.toContainText("Provisionally extended");

  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical")).toEqual([]);

  // The control is a plain GET form: choose 23:00 the same day.
  await page.getByLabel(/Date and time/).fill("2019-11-22T23:00");
  await page.getByRole("button", { name: "Show the record then" }).click();
  await expect(page).toHaveURL(/asOf=2019-11-22T23%3A00|asOf=2019-11-22T23:00/);
  await expect(banner).toContainText("22 November 2019, 23:00");
  await expect(panel).toContainText("Provisionally extended");

  // A development's link keeps the instant: its page is read as of it too.
  await page.locator("a[href*='/developments/'][href*='asOf=']").first().click();
  await expect(page).toHaveURL(/\/developments\/.*asOf=/);
  await expect(page.getByRole("note", { name: "Reading as of a past instant" })).toContainText("22 November 2019, 23:00");
  // And the way back to the present drops it.
  await page.getByRole("link", { name: "see it as it stands now" }).click();
  await expect(page).not.toHaveURL(/asOf=/);
  await expect(page.getByRole("note", { name: "Reading as of a past instant" })).toHaveCount(0);
});
