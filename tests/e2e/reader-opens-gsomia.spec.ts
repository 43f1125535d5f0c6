import { expect, test } from "@playwright/test";

test("a reader opens GSOMIA from the home page and reads the 22 November 2019 entry with its citation", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Latest developments" })).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Agreements" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Agreements" })).toBeVisible();
  await page.getByRole("table").getByRole("link", { name: "GSOMIA", exact: true }).click();
  await expect(page).toHaveURL(/\/agreements\/gsomia$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("General Security of Military Information Agreement");

  // The history runs by effective time, and each entry's first line leads with the date the order
  // uses: the termination decided on 22 August 2019 was to take effect on 23 November, so it
  // stands above the suspension of 22 November and says so before anything else.
  const articles = page.getByRole("article");
  const headlines = await articles.locator('[id$="-headline"]').allInnerTexts();
  const termination = headlines.indexOf("Seoul decides to terminate GSOMIA at the end of its current term");
  const suspension = headlines.indexOf("Seoul suspends GSOMIA termination hours before expiry");
  expect(termination).toBeGreaterThanOrEqual(0);
  expect(suspension).toBe(termination + 1);
  const terminationEntry = articles.nth(termination);
  await expect(terminationEntry.locator(":scope > p:first-child")).toHaveText(/^Was to take effect 23 November 2019, 00:00/);
  await expect(terminationEntry.getByText("Occurred 22 August 2019")).toBeVisible();
  await expect(articles.nth(suspension).locator(":scope > p:first-child > time").first()).toHaveText("22 November 2019");

  // The entry's own date is the first line of the article; citations carry dates of their own.
  const entry = page.getByRole("article").filter({ has: page.locator(":scope > p:first-child > time", { hasText: "22 November 2019" }) });
  await expect(entry).toHaveCount(1);
  await expect(entry.getByText("Provisionally extended").first()).toBeVisible();
  const sources = entry.getByRole("list", { name: "Sources cited" });
  await expect(sources.getByText("The New York Times")).toBeVisible();
  await expect(sources.getByRole("link", { name: /At Last Minute, South Korea Holds Off on Leaving Intelligence Pact With Japan/ })).toHaveAttribute(
    "href",
    "https://www.nytimes.com/2019/11/22/world/asia/japan-south-korea-intelligence.html",
  );
});
