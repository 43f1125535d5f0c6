import { expect, test, type Page } from "@playwright/test";
import { withAppDatabase } from "./admin-database";
import { signInAs } from "./fixtures";

// Issue 12 item 5: an admin switches two-person review on; an analyst's "publish" becomes a
// submission; the analyst is not offered their own approval and is refused when forcing it
// through the API; another account (the admin, with JavaScript off) approves; a signed-out
// reader sees the entry with its reviewer. Review is switched off again whatever happens, since
// the other journeys share this database and expect it off.

const HEADLINE = `Two-person review journey entry ${Date.now()}`;

async function setReview(admin: Page, isOn: boolean): Promise<void> {
  await admin.goto("/admin/settings");
  const button = admin.getByRole("button", { name: isOn ? "Switch two-person review on" : "Switch two-person review off" });
  if (await button.isVisible()) await button.click();
  await expect(admin.getByRole("region", { name: "Two-person review" })).toContainText(`Two-person review is ${isOn ? "on" : "off"}`);
}

test("with two-person review on, the author's own approval is refused and another account's publishes the entry, reviewer shown to readers", async ({ browser }) => {
  test.setTimeout(120_000);
  const adminContext = await browser.newContext({ javaScriptEnabled: false });
  const admin = await adminContext.newPage();
  await signInAs(admin, "admin", { callbackUrl: "/admin/settings" });
  await setReview(admin, true);
  await expect(admin.getByRole("status")).toContainText("Two-person review is on");
  try {
    const analystContext = await browser.newContext();
    const analyst = await analystContext.newPage();
    await signInAs(analyst, "analyst", { callbackUrl: "/desk/log?measure=japan-export-controls-semiconductor-materials" });
    await analyst.getByLabel("New status").selectOption({ label: "Eased" });
    await analyst.getByLabel("Headline").fill(HEADLINE);
    await analyst.getByLabel("Occurred on").fill("2019-12-20");
    await analyst.getByLabel("Time zone", { exact: true }).selectOption("Asia/Tokyo");
    const citation = analyst.getByRole("group", { name: "Citation 1" });
    await citation.getByLabel("Link").fill(`https://www.example-news.test/review-journey/${Date.now()}`);
    await citation.getByLabel("Title of a new source").fill("Review journey source");
    await citation.getByLabel("Publisher of a new source").fill("Example News");
    await expect(analyst.getByRole("button", { name: "Publish", exact: true })).toHaveCount(0);
    await analyst.getByRole("button", { name: "Submit for review" }).click();
    await expect(analyst.getByRole("status").filter({ hasText: "Submitted for review" })).toBeVisible();
    await expect(analyst.getByRole("region", { name: "Review", exact: true })).toContainText("Waiting for review");
    const entryId = /\/desk\/entries\/([0-9a-f-]{36})/.exec(analyst.url())![1]!;

    // Not public yet.
    const readerContext = await browser.newContext();
    const reader = await readerContext.newPage();
    expect((await reader.goto(`/developments/${entryId}`))!.status()).toBe(404);

    // The queue does not offer the author their own approval…
    await analyst.goto("/desk/review");
    const own = analyst.getByRole("listitem").filter({ hasText: HEADLINE });
    await expect(own).toContainText("Your own submission");
    await expect(own.getByRole("button", { name: /Approve/ })).toHaveCount(0);
    // …and the server refuses it when forced.
    const { rows } = await withAppDatabase((client) => client.query<{ id: string }>(`SELECT id FROM "ReviewRequest" WHERE "statusChangeId" = $1 AND state = 'SUBMITTED'`, [entryId]));
    const reviewId = rows[0]!.id;
    const forced = await analyst.evaluate(async (path) => {
      const response = await fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ version: 1 }) });
      return { status: response.status, body: (await response.json()) as { detail?: string } };
    }, `/api/v1/reviews/${reviewId}/approve`);
    expect(forced.status).toBe(403);
    expect(forced.body.detail).toContain("You cannot approve your own submission");
    await analystContext.close();

    // Another account approves, with a plain form post.
    await admin.goto("/desk/review");
    const item = admin.getByRole("listitem").filter({ hasText: HEADLINE });
    await expect(item).toContainText("submitted by Demo Analyst");
    await item.getByRole("button", { name: /Approve/ }).click();
    await expect(admin.getByRole("status")).toContainText("Approved");
    await expect(admin.getByRole("listitem").filter({ hasText: HEADLINE })).toHaveCount(0);

    await reader.goto(`/developments/${entryId}`);
    await expect(reader.getByRole("heading", { name: HEADLINE, exact: true })).toBeVisible();
    await expect(reader.getByText("reviewed by An editor (admin)")).toBeVisible();
    await reader.goto(`/developments/${entryId}/revisions`);
    await expect(reader.getByText(/by An analyst, reviewed by An editor \(admin\)/)).toBeVisible();
    await readerContext.close();
  } finally {
    await setReview(admin, false);
    await adminContext.close();
  }
});
