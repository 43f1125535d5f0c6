import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signInAs, signOut } from "./fixtures";

// Issue 13, journey (c): an analyst adds Japan's position on GSOMIA with its Japanese original
// and an English translation, and a signed-out reader sees it beside South Korea's (decision
// 033). The statement is real: Seko at his 27 August 2019 press conference, as Kyodo reported it
// (docs/demo-data-sources.md, "Positions", copy 4).
const QUOTE = "(輸出管理は)防衛当局間の軍事情報に関する政府間協定の取り扱いと全く次元が異なる問題だ";
const TRANSLATION = "(Export control) is a matter of a completely different dimension from the handling of the intergovernmental agreement on military information between defence authorities.";

test("an analyst adds a position with a Japanese original and its translation, and a signed-out reader sees it beside South Korea's", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, "analyst", { callbackUrl: "/desk" });
  await page.getByRole("link", { name: /^Positions on GSOMIA/ }).click();
  await expect(page.getByRole("heading", { level: 2, name: /^On GSOMIA/ })).toBeVisible();

  const form = page.getByRole("region", { name: "Add a position" });
  await form.getByLabel("Party").selectOption("JPN");
  await form.getByLabel("Who said it").fill("Hiroshige Seko, Minister of Economy, Trade and Industry");
  await form.getByLabel("Words, as published").fill(QUOTE);
  await form.getByLabel("Language of the words").fill("ja");
  await form.getByLabel("English translation").fill(TRANSLATION);
  await form.getByLabel("Whose translation").fill("Pactwatch's translation");
  await form.getByLabel("Said on").fill("2019-08-27");
  await form.getByLabel("Time zone").selectOption("Asia/Tokyo");
  await form.getByLabel("Source link").fill("https://dtrip.hatenadiary.com/entry/2019/08/27/125721");
  await form.getByLabel("Locator").fill("paragraph 3");
  await form.getByRole("button", { name: "Add the position" }).click();
  await expect(page.getByRole("status")).toContainText("Position added.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Japan's position on GSOMIA");

  await signOut(page);
  await page.goto("/agreements/gsomia");
  const section = page.getByRole("region", { name: "Positions" });
  const japan = section.getByRole("region", { name: "Japan" });
  const korea = section.getByRole("region", { name: "South Korea" });

  // The words in Japanese, marked as Japanese; the translation marked as English; who and when.
  const added = japan.getByRole("listitem").filter({ hasText: "全く次元が異なる問題" });
  await expect(added.locator('blockquote[lang="ja"]')).toContainText(QUOTE);
  await expect(added.locator('span[lang="en"]')).toContainText(TRANSLATION);
  await expect(added).toContainText("Hiroshige Seko, Minister of Economy, Trade and Industry, 27 August 2019, in Japanese");
  await expect(added.getByRole("link", { name: "優遇対象、あす韓国を除外 世耕経産相「粛々と運用」" })).toBeVisible();

  // South Korea's standing position beside it, and its superseded August one kept, said in words.
  await expect(korea.getByRole("list", { name: /that stand/ })).toContainText("under the condition that the effect of GSOMIA can be ended at any time");
  await expect(korea.getByText("Earlier positions, superseded")).toBeVisible();
  await expect(korea.getByText(/^Superseded on 22 November 2019/)).toBeVisible();
  const [left, right] = [await japan.boundingBox(), await korea.boundingBox()];
  expect(left && right && Math.abs(left.y - right.y) < 2 && left.x < right.x).toBe(true);

  const results = await new AxeBuilder({ page }).include("#positions-heading").include("section[aria-labelledby=positions-heading]").analyze();
  expect(results.violations).toEqual([]);
});
