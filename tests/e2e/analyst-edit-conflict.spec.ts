import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./desk-axe";
import { signInAs } from "./fixtures";

async function openEditForm(page: Page, entryUrl: string) {
  await page.goto(`${entryUrl}/edit`);
  await expect(page.getByRole("heading", { level: 1, name: "Edit a published entry" })).toBeVisible();
}

/** An edit of a published entry says why (issue 12): here a clarification of wording. */
async function sayWhy(page: Page, reason: string) {
  await page.getByRole("radio", { name: /Clarification/ }).check();
  await page.getByLabel("Reason").fill(reason);
}

test("two editors change the same entry: the first save wins, the second sees both versions and nothing is overwritten", async ({ browser }) => {
  const analystContext = await browser.newContext();
  const adminContext = await browser.newContext();
  const analyst = await analystContext.newPage();
  const admin = await adminContext.newPage();
  await signInAs(analyst, "analyst");
  await signInAs(admin, "admin");

  // The analyst logs an entry of their own about a trade measure, so the demo history stays as it is.
  await analyst.goto("/desk/log?measure=japan-export-controls-semiconductor-materials");
  await analyst.getByLabel("New status").selectOption({ label: "Eased" });
  await analyst.getByLabel("Headline").fill("Japan eases licensing for photoresists");
  await analyst.getByLabel("Occurred on").fill("2019-12-20");
  await analyst.getByLabel("Time zone", { exact: true }).selectOption("Asia/Tokyo");
  const citation = analyst.getByRole("group", { name: "Citation 1" });
  await citation.getByLabel("Link").fill("https://www.example-news.test/2019/12/20/photoresist-licensing");
  await citation.getByLabel("Title of a new source").fill("Japan relaxes curbs on one chemical");
  await citation.getByLabel("Publisher of a new source").fill("Example News");
  await analyst.getByRole("button", { name: "Publish" }).click();
  await expect(analyst.getByRole("status").filter({ hasText: "Published" })).toBeVisible();
  const entryUrl = new URL(analyst.url()).pathname;

  await openEditForm(analyst, entryUrl);
  await openEditForm(admin, entryUrl);

  await analyst.getByLabel("Headline").fill("Japan eases export licensing for photoresists to South Korea");
  await sayWhy(analyst, "The headline names the measure's target.");
  await analyst.getByRole("button", { name: "Save changes" }).click();
  await expect(analyst.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();

  await admin.getByLabel("Headline").fill("Japan grants a first general licence for photoresists");
  await admin.getByLabel("What happened").fill("The trade ministry switched photoresists to general licences.");
  await sayWhy(admin, "Clearer wording.");
  await admin.getByRole("button", { name: "Save changes" }).click();

  const conflict = admin.getByRole("region", { name: "Someone else saved this while you were editing" });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText("Demo Analyst");
  const headlineRow = conflict.getByRole("row", { name: /Headline/ });
  await expect(headlineRow).toContainText("Japan eases export licensing for photoresists to South Korea");
  await expect(headlineRow).toContainText("Japan grants a first general licence for photoresists");
  // The admin's typing is still in the form, to save over theirs deliberately or discard.
  await expect(admin.getByLabel("Headline")).toHaveValue("Japan grants a first general licence for photoresists");
  await expect(admin.getByRole("button", { name: "Save my version over theirs" })).toBeVisible();
  expect(await seriousViolations(admin)).toEqual([]);

  // Nothing was overwritten: the entry shows the analyst's save, and one revision per save.
  await admin.goto(entryUrl);
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Japan eases export licensing for photoresists to South Korea");
  await admin.goto(`${entryUrl}/revisions`);
  const revisions = admin.getByRole("list", { name: "Revisions, newest first" });
  await expect(revisions.getByRole("listitem")).toHaveCount(2);
  // Values as the desk words them: labels and dates, never stored names or ISO instants.
  await expect(revisions).toContainText("Published");
  await expect(revisions).not.toContainText("PUBLISHED");
  await expect(revisions).not.toContainText(/\d{4}-\d{2}-\d{2}T\d{2}:/);
  await expect(revisions.getByRole("heading").first()).toContainText("saved by Demo Analyst");

  // The admin's overview names the edited entry and links it.
  await admin.goto("/admin");
  const recent = admin.getByRole("region", { name: "Recent activity" });
  await expect(recent.getByRole("link", { name: "“Japan eases export licensing for photoresists to South Korea”" }).first()).toHaveAttribute("href", entryUrl.replace(/^https?:\/\/[^/]+/, ""));

  await analystContext.close();
  await adminContext.close();
});
