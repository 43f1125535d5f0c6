import { expect, test } from "@playwright/test";
import { seriousViolations } from "./desk-axe";
import { signInAs } from "./fixtures";

// Yesterday in UTC is never in the future in Seoul, whatever time the journey runs.
const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const headline = `Seoul gives notice again on GSOMIA (${yesterday})`;

test("an analyst logs a GSOMIA development citing a new source by URL, publishes it, and a signed-out reader sees it first in the history", async ({ page, browser }) => {
  await signInAs(page, "analyst", { callbackUrl: "/desk/log?agreement=gsomia" });
  await page.goto("/desk/log?agreement=gsomia");
  await expect(page.getByRole("heading", { level: 1, name: "Log a development" })).toBeVisible();
  await expect(page.getByText(/About GSOMIA/)).toBeVisible();

  // A first try without a citation is refused, and everything typed is kept.
  await page.getByLabel("New status").selectOption({ label: "Notice given" });
  await page.getByLabel("Direction").selectOption({ label: "Escalation" });
  await page.getByLabel("Headline").fill(headline);
  await page.getByLabel("Occurred on").fill(yesterday);
  await page.getByLabel("What happened").fill("Seoul notified Tokyo in writing that it will **end** the agreement.");
  await page.getByRole("button", { name: "Publish" }).click();
  const summary = page.getByRole("alert", { name: "Nothing was saved" });
  await expect(summary).toContainText("Add at least one citation before publishing");
  // The missing citation marks the field to fill in, with its message beside it.
  const firstLink = page.getByRole("group", { name: "Citation 1" }).getByLabel("Link");
  await expect(firstLink).toHaveAttribute("aria-invalid", "true");
  await expect(firstLink).toHaveAccessibleDescription(/Add at least one citation before publishing/);
  await expect(page.getByLabel("Headline")).toHaveValue(headline);
  await expect(page.getByLabel("New status")).toHaveValue("NOTICE_GIVEN");
  expect(await seriousViolations(page)).toEqual([]);

  const citation = page.getByRole("group", { name: "Citation 1" });
  await citation.getByLabel("Link").fill("https://WWW.Example-News.test/2026/gsomia-notice?utm_source=newsletter&id=7#comments");
  await citation.getByLabel("Title of a new source").fill("Seoul serves notice on intelligence pact with Tokyo");
  await citation.getByLabel("Publisher of a new source").fill("Example News");
  await citation.getByLabel("Quote").fill("South Korea formally notified Japan that it would terminate the pact.");
  await citation.getByLabel("Locator").fill("paragraph 2");
  await citation.getByLabel("Credibility of what it says here").selectOption("2");

  // A second citation picked from the registry by searching as you type.
  const second = page.getByRole("group", { name: "Citation 2" });
  await second.getByLabel("Find a source in the registry").fill("Holds Off on Leaving");
  // Other journeys may have registered (and merged) copies of this report: any live one will do.
  await second.getByRole("button", { name: /At Last Minute, South Korea Holds Off/ }).first().click();
  await expect(second.getByLabel("Link")).toHaveValue(/nytimes\.com\/2019\/11\/22\/world\/asia\/japan-south-korea-intelligence/);
  await page.getByRole("button", { name: "Publish" }).click();

  await expect(page.getByRole("status").filter({ hasText: "Published" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: headline })).toBeVisible();

  const visitor = await browser.newContext();
  const reader = await visitor.newPage();
  await reader.goto("/agreements/gsomia");
  const status = reader.getByRole("region", { name: "Current status" });
  await expect(status.getByText("Notice given").first()).toBeVisible();
  const first = reader.getByRole("article").first();
  await expect(first.getByRole("heading", { name: headline })).toBeVisible();
  await expect(first.getByText("Notice given").first()).toBeVisible();
  const source = first.getByRole("link", { name: "Seoul serves notice on intelligence pact with Tokyo" });
  await expect(source).toHaveAttribute("href", "https://www.example-news.test/2026/gsomia-notice?id=7");
  await expect(first.getByText("Example News")).toBeVisible();
  await expect(first.getByText("South Korea formally notified Japan that it would terminate the pact.")).toBeVisible();
  await expect(first.getByText("The New York Times")).toBeVisible();
  await visitor.close();
});

test("without JavaScript, the log form refuses mistakes beside their fields, keeps what was typed, then saves a draft", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signInAs(page, "analyst");
  await page.goto("/desk/log");
  await page.getByLabel("Agreement or trade measure").selectOption({ label: "Japan's individual export licensing for fluorinated polyimide, resist and hydrogen fluoride to South Korea" });
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText(/About Japan's individual export licensing/)).toBeVisible();
  // Statuses are those of a trade measure only.
  await expect(page.getByLabel("New status").locator("option")).toHaveText(["Choose…", "Announced", "In force", "Eased", "Suspended", "Lifted"]);

  await page.getByLabel("New status").selectOption({ label: "Suspended" });
  await page.getByLabel("Headline").fill("No-script draft");
  await page.getByLabel("Occurred on").fill("2999-12-31");
  const citation = page.getByRole("group", { name: "Citation 1" });
  await citation.getByLabel("Link").fill("javascript:alert(1)");
  await citation.getByLabel("Quote").fill("Kept after the refusal");
  await page.getByRole("button", { name: "Save draft" }).click();

  await expect(page.getByRole("alert", { name: "Nothing was saved" })).toBeVisible();
  await expect(page.getByLabel("Occurred on")).toHaveAccessibleDescription(/The occurred date cannot be in the future/);
  await expect(page.getByRole("group", { name: "Citation 1" }).getByLabel("Link")).toHaveAccessibleDescription(/Only http and https links can be sources/);
  await expect(page.getByLabel("Headline")).toHaveValue("No-script draft");
  await expect(page.getByRole("group", { name: "Citation 1" }).getByLabel("Quote")).toHaveValue("Kept after the refusal");

  await page.getByLabel("Occurred on").fill("2019-12");
  await page.getByRole("group", { name: "Citation 1" }).getByLabel("Link").fill("");
  await page.getByRole("group", { name: "Citation 1" }).getByLabel("Quote").fill("");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved as a draft" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "No-script draft" })).toBeVisible();
  await context.close();
});

test("readers and anonymous visitors are kept out of the desk", async ({ browser }) => {
  const anonymous = await browser.newContext();
  const visitor = await anonymous.newPage();
  await visitor.goto("/desk/log?agreement=gsomia");
  await expect(visitor).toHaveURL(/\/sign-in\?callbackUrl=%2Fdesk%2Flog%3Fsubject%3Dagreement%253Agsomia/);
  await anonymous.close();

  const readerContext = await browser.newContext();
  const reader = await readerContext.newPage();
  await signInAs(reader, "reader");
  const response = await reader.goto("/desk/log?agreement=gsomia");
  expect(response?.status()).toBe(403);
  await expect(reader.getByRole("heading", { level: 1, name: "Not allowed" })).toBeVisible();
  await expect(reader.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Log a development" })).toHaveCount(0);
  await readerContext.close();
});
