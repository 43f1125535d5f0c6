import { expect, test } from "@playwright/test";
import { seriousViolations } from "./desk-axe";
import { signInAs } from "./fixtures";

// Issue 12: an analyst corrects a published entry with the type "wrong date"; a signed-out reader
// finds the correction in /corrections (filtering with the plain GET form) and on the entry's
// public revisions page, with what was wrong, what it is now and why.

test("an analyst's wrong-date correction is found by a signed-out reader in /corrections and on the entry's public revisions", async ({ browser }) => {
  const analystContext = await browser.newContext();
  const analyst = await analystContext.newPage();
  await signInAs(analyst, "analyst");

  // An entry of the analyst's own, so the demo history stays as it is.
  await analyst.goto("/desk/log?measure=japan-export-controls-semiconductor-materials");
  await analyst.getByLabel("New status").selectOption({ label: "Eased" });
  await analyst.getByLabel("Headline").fill("Japan eases licensing for photoresists (correction journey)");
  await analyst.getByLabel("Occurred on").fill("2019-12-19");
  await analyst.getByLabel("Time zone", { exact: true }).selectOption("Asia/Tokyo");
  const citation = analyst.getByRole("group", { name: "Citation 1" });
  await citation.getByLabel("Link").fill("https://www.example-news.test/2019/12/20/photoresist-correction-journey");
  await citation.getByLabel("Title of a new source").fill("Japan relaxes curbs on one chemical");
  await citation.getByLabel("Publisher of a new source").fill("Example News");
  await analyst.getByRole("button", { name: "Publish" }).click();
  await expect(analyst.getByRole("status").filter({ hasText: "Published" })).toBeVisible();
  const entryId = /\/desk\/entries\/([0-9a-f-]{36})/.exec(analyst.url())![1]!;

  // Saving without saying why is refused beside the fields.
  await analyst.goto(`/desk/entries/${entryId}/edit`);
  await analyst.getByLabel("Occurred on").fill("2019-12-20");
  await analyst.getByRole("button", { name: "Save changes" }).click();
  await expect(analyst.getByText("Say whether this edit is a clarification (wording only) or a correction (a fact changes)").first()).toBeVisible();

  await analyst.getByRole("radio", { name: /Correction/ }).check();
  await analyst.getByLabel("What the correction puts right").selectOption({ label: "Wrong date" });
  await analyst.getByLabel("Reason").fill("The trade ministry announced the easing on 20 December, not 19 December.");
  expect(await seriousViolations(analyst)).toEqual([]);
  await analyst.getByRole("button", { name: "Save changes" }).click();
  await expect(analyst.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  await analystContext.close();

  const readerContext = await browser.newContext();
  const reader = await readerContext.newPage();
  await reader.goto("/corrections");
  await expect(reader.getByRole("heading", { level: 1, name: "Corrections" })).toBeVisible();
  const filters = reader.getByRole("search", { name: "Filter corrections" });
  await filters.getByLabel("Type of correction").selectOption({ label: "Wrong date" });
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(reader).toHaveURL(/[?&]type=WRONG_DATE/);
  const item = reader.getByRole("listitem").filter({ hasText: "Japan eases licensing for photoresists (correction journey)" });
  await expect(item).toContainText("Correction: Wrong date");
  await expect(item).toContainText("The trade ministry announced the easing on 20 December, not 19 December.");
  await expect(item).toContainText("Occurred: 19 December 2019");
  await expect(item).toContainText("Occurred: 20 December 2019");
  await expect(item).toContainText("by An analyst");
  expect(await seriousViolations(reader)).toEqual([]);

  await item.getByRole("link", { name: "every version" }).click();
  await expect(reader.getByRole("heading", { level: 1, name: "Revision history" })).toBeVisible();
  const correction = reader.getByRole("listitem").filter({ has: reader.getByRole("heading", { name: "Version 2: Correction (Wrong date)" }) });
  await expect(correction).toContainText("Occurred: 19 December 2019 → 20 December 2019");
  await expect(correction).toContainText("Why: The trade ministry announced the easing on 20 December, not 19 December.");
  expect(await seriousViolations(reader)).toEqual([]);

  // The development's own page counts the correction and links its history.
  await reader.goto(`/developments/${entryId}`);
  await expect(reader.getByRole("link", { name: /Revision history \(corrected once\)/ })).toBeVisible();
  await readerContext.close();
});
