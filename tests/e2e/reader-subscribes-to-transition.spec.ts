import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./fixtures";

// Issue 14's journey: the demo reader subscribes to "GSOMIA leaves Provisionally extended" by
// email (the embedded default has no SMTP, so the mail is kept in the outbox), an analyst logs
// and publishes such a change on the desk, and the reader finds the message in the outbox,
// naming the development and the statuses before and after.
//
// The logged change must follow a Provisionally extended entry in history order, or the rule does
// not fire: the demo data's last such entry is Yoon's declaration of 16 March 2023 (Tokyo), so
// this one is dated that day too and sorts after it (same day, recorded later). It is a real
// editorial mistake: logging the declaration as a restoration, when the legal act came with
// Seoul's notes of 21 March. The admin retracts it at the end, so the current status and every
// later journey's GSOMIA stay as they were; the reader, who asked for corrections, is told.
//
// The quote is verbatim from Yonhap's report (TOKYO, 19:14, Thursday 16 March 2023), the source
// the demo data already registers for that day.

const headline = "Yoon's declaration taken as GSOMIA's full restoration (journey, retracted)";
const quote = "I declared the complete normalization of GSOMIA at our summit a short while ago";

/** Reloads the outbox (a server page, no script) until a message with this subject shows. */
async function waitForMessage(page: Page, subject: RegExp) {
  await expect(async () => {
    await page.goto("/account/outbox");
    await expect(page.getByRole("heading", { level: 2, name: subject })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 45_000, intervals: [1_000] });
  return page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2, name: subject }) }).first();
}

test("a reader subscribes to GSOMIA leaving Provisionally extended and finds the analyst's change in the outbox", async ({ browser }) => {
  test.setTimeout(150_000);
  const readerContext = await browser.newContext();
  const reader = await readerContext.newPage();
  await signInAs(reader, "reader", { callbackUrl: "/account/subscriptions" });
  await reader.getByLabel("What to follow").selectOption({ label: "An agreement" });
  await reader.getByLabel("Which one").fill("gsomia");
  await reader.getByLabel("Tell me about").selectOption({ label: "When the status leaves…" });
  await reader.getByRole("combobox", { name: "Status (optional)" }).selectOption({ label: "Provisionally extended" });
  await expect(reader.getByLabel(/Also tell me when a development I was told of is corrected or retracted/)).toBeChecked();
  await reader.getByLabel("How").selectOption({ value: "EMAIL" });
  await reader.getByRole("button", { name: "Subscribe", exact: true }).click();
  await expect(reader.getByText("Subscribed.")).toBeVisible();
  const row = reader.getByRole("row").filter({ hasText: /leaves Provisionally extended/ }).filter({ hasText: "GSOMIA" });
  await expect(row.first()).toContainText("Active");

  const analystContext = await browser.newContext();
  const analyst = await analystContext.newPage();
  await signInAs(analyst, "analyst", { callbackUrl: "/desk/log?agreement=gsomia" });
  await expect(analyst.getByText(/About GSOMIA/)).toBeVisible();
  await analyst.getByLabel("New status").selectOption({ label: "Restored" });
  await analyst.getByLabel("Direction").selectOption({ label: "De-escalation" });
  await analyst.getByLabel("Headline").fill(headline);
  await analyst.getByLabel("Occurred on").fill("2023-03-16");
  await analyst.getByLabel("Time zone", { exact: true }).selectOption({ value: "Asia/Tokyo" });
  const citation = analyst.getByRole("group", { name: "Citation 1" });
  await citation.getByLabel("Find a source in the registry").fill("complete normalization");
  await citation.getByRole("button", { name: /Yoon announces 'complete normalization'/ }).first().click();
  await expect(citation.getByLabel("Link")).toHaveValue(/yna\.co\.kr\/view\/AEN20230315007558315/);
  await citation.getByLabel("Quote").fill(quote);
  await citation.getByLabel("Locator").fill("paragraph 3");
  await citation.getByLabel("Credibility of what it says here").selectOption("1");
  await analyst.getByRole("button", { name: "Publish" }).click();
  await expect(analyst.getByRole("status").filter({ hasText: "Published" })).toBeVisible();
  await expect(analyst.getByRole("heading", { level: 1, name: headline })).toBeVisible();
  const entryUrl = new URL(analyst.url());
  const entryId = entryUrl.pathname.split("/")[3]!;
  await analystContext.close();

  const message = await waitForMessage(reader, /^New development: GSOMIA: Provisionally extended → Restored$/);
  await expect(message).toContainText(headline);
  await expect(message).toContainText("Status before: Provisionally extended");
  await expect(message).toContainText("Status after: Restored");
  await expect(message).toContainText("Yonhap News Agency");
  await expect(message).toContainText(`/developments/${entryId}`);
  await expect(message).toContainText("kept in the outbox");

  // The admin retracts the mistake; the reader, who asked for corrections, is told of it too.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAs(admin, "admin", { callbackUrl: `/desk/entries/${entryId}` });
  await admin.getByLabel("Reason for the retraction").fill("Premature: the declaration of 16 March 2023 did not change the pact's legal status; Seoul withdrew its 2019 notes in writing on 21 March 2023.");
  await admin.getByRole("button", { name: "Retract this entry" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Retracted" })).toBeVisible();
  await adminContext.close();

  const retraction = await waitForMessage(reader, /^Retracted: GSOMIA: Provisionally extended → Restored$/);
  await expect(retraction).toContainText("Retracted because: Premature");
  // The first message is there once.
  await expect(reader.getByRole("heading", { level: 2, name: /^New development: GSOMIA: Provisionally extended → Restored$/ })).toHaveCount(1);
  await readerContext.close();

  // An admin sees the deliveries' health from the admin navigation: both messages sent.
  const healthContext = await browser.newContext();
  const health = await healthContext.newPage();
  await signInAs(health, "admin", { callbackUrl: "/admin" });
  await health.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Deliveries" }).click();
  await expect(health.getByRole("heading", { level: 1, name: "Deliveries" })).toBeVisible();
  const sent = health.getByRole("region", { name: "By state" }).getByRole("definition").nth(1);
  expect(Number(await sent.textContent())).toBeGreaterThanOrEqual(2);
  await expect(health.getByRole("heading", { level: 2, name: "Recent failures" })).toBeVisible();
  await expect(health.getByRole("heading", { level: 2, name: "Paused subscriptions" })).toBeVisible();
  await healthContext.close();
});

// A saved search: "Subscribe to this search" on the developments list carries its filters to the
// subscription form (no script needed), and the subscription names the search in words and links
// back to the list.
test("a reader subscribes to a search of the developments list from the list itself", async ({ page }) => {
  await signInAs(page, "reader", { callbackUrl: "/developments?q=gsomia&direction=ESCALATION" });
  await page.getByRole("link", { name: "Subscribe to this search" }).click();
  await expect(page).toHaveURL(/\/account\/subscriptions\?search=/);
  await expect(page.getByLabel("What to follow")).toHaveValue("SEARCH");
  await expect(page.getByRole("textbox", { name: "Search (optional)" })).toHaveValue(/q=gsomia/);
  await expect(page.getByRole("textbox", { name: "Search (optional)" })).toHaveValue(/direction=ESCALATION/);
  await page.getByLabel("How").selectOption({ value: "FEED" });
  await page.getByRole("button", { name: "Subscribe", exact: true }).click();
  await expect(page.getByText("Subscribed.")).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: /developments matching “gsomia”/ });
  await expect(row.first()).toContainText("escalations");
  await row.first().getByRole("link", { name: /See the list/ }).click();
  await expect(page).toHaveURL(/\/developments\?.*q=gsomia/);
  await expect(page.getByRole("heading", { level: 1, name: "All developments" })).toBeVisible();
});
