import { expect, test } from "@playwright/test";

test("a reader opens GSOMIA from the home page and reads the 22 November 2019 entry with its citation", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Latest developments" })).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Agreements" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Agreements" })).toBeVisible();
  await page.getByRole("table").getByRole("link", { name: "GSOMIA", exact: true }).click();
  await expect(page).toHaveURL(/\/agreements\/gsomia$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("General Security of Military Information Agreement");

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
