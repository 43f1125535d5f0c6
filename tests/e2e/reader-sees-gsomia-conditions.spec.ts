import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

// Issue 13, journey (a): a reader opens GSOMIA and sees the 22 November 2019 conditions, which
// one was breached, and when (decision 031).
test("a signed-out reader opens GSOMIA and sees its 2019 conditions, the breached one and the day of the breach", async ({ page }) => {
  await page.goto("/agreements/gsomia");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("General Security of Military Information Agreement");

  // The status panel says in words that no condition is live any more.
  const panel = page.getByRole("region", { name: "Current status" });
  await expect(panel.getByRole("heading", { name: "Live conditions" })).toBeVisible();
  await expect(panel.getByText("None (2 earlier, below).")).toBeVisible();

  const section = page.getByRole("region", { name: "Conditions" });
  const conditions = section.getByRole("listitem").filter({ has: page.getByRole("list", { name: "History of this condition" }) });
  await expect(conditions).toHaveCount(2);
  const wto = conditions.filter({ hasText: "suspends its WTO complaint" });
  await expect(wto.getByText(/Set by/)).toContainText("Seoul suspends GSOMIA termination hours before expiry");
  await expect(wto.getByText(/Set by/)).toContainText("22 November 2019");
  const history = wto.getByRole("list", { name: "History of this condition" });
  // The state is a word (with a sign beside it), never a colour alone.
  const breach = history.getByRole("listitem").filter({ hasText: "Breached" }).first();
  await expect(breach).toContainText("from 2 June 2020");
  await expect(breach.locator("time")).toHaveAttribute("datetime", "2020-06-02");
  await expect(history).toContainText("Holding from 22 November 2019");
  await expect(history).toContainText("Lapsed from 16 March 2023");
  await expect(conditions.filter({ hasText: "at any time" }).getByRole("list", { name: "History of this condition" })).toContainText("Withdrawn from 21 March 2023");

  // The breach is an escalation on the timeline, also in its text equivalent.
  await page.getByText("The timeline as text").click();
  await expect(page.getByText(/Escalation: condition breached on 2 June 2020/)).toBeVisible();

  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical")).toEqual([]);
});
