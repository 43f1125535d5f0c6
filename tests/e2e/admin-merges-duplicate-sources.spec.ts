import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./admin-axe";
import { withAppDatabase } from "./admin-database";
import { signInAs } from "./fixtures";

const NYT = "https://www.nytimes.com/2019/11/22/world/asia/japan-south-korea-intelligence.html";
const NYT_TITLE = "At Last Minute, South Korea Holds Off on Leaving Intelligence Pact With Japan";
const LEGACY_URL = `${NYT}?utm_source=twitter&utm_medium=social`;

/**
 * As an import from before the rule that drops tracking parameters would have left it: the New
 * York Times report stored a second time under its shared link, and cited on GSOMIA's
 * August 2019 notice. No page can make this row any more; that is the point.
 */
async function stageLegacyDuplicate(): Promise<{ keptId: string; legacyId: string }> {
  return withAppDatabase(async (client) => {
    const kept = await client.query<{ id: string }>(`SELECT id FROM "Source" WHERE url = $1`, [NYT]);
    const entry = await client.query<{ id: string }>(
      `SELECT sc.id FROM "StatusChange" sc JOIN "Agreement" a ON a.id = sc."agreementId"
        WHERE a.slug = 'gsomia' AND sc.headline = 'Seoul formally notifies Tokyo it will end GSOMIA'`,
    );
    const legacy = await client.query<{ id: string }>(
      `INSERT INTO "Source" (id, url, title, publisher, authors, "publishedAt", kind, reliability, "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, 'The New York Times', '{"Choe Sang-Hun"}', '2019-11-22T00:00:00Z', 'NEWS', 'F', now())
       RETURNING id`,
      [LEGACY_URL, NYT_TITLE],
    );
    await client.query(
      `INSERT INTO "Citation" (id, "statusChangeId", "sourceId", quote, credibility, position)
       VALUES (gen_random_uuid(), $1, $2, 'Seoul had notified Tokyo in August that it would let the agreement lapse.', 2, 9)`,
      [entry.rows[0]!.id, legacy.rows[0]!.id],
    );
    return { keptId: kept.rows[0]!.id, legacyId: legacy.rows[0]!.id };
  });
}

/** The links to the New York Times report among the developments' sources on the GSOMIA page, as a reader sees them (conditions cite it too). */
async function reportLinks(page: Page): Promise<string[]> {
  await page.goto("/agreements/gsomia", { waitUntil: "load" });
  const links = page.getByRole("main").getByRole("list", { name: "Sources cited" }).getByRole("link", { name: NYT_TITLE });
  await expect(links.first()).toBeVisible();
  return links.evaluateAll((elements) => elements.map((element) => element.getAttribute("href") ?? ""));
}

test("an admin finds two copies of one article, merges them, and a reader's agreement page shows one source", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const { keptId, legacyId } = await stageLegacyDuplicate();
  const reader = await (await browser.newContext()).newPage();
  expect(new Set(await reportLinks(reader))).toEqual(new Set([NYT, LEGACY_URL]));

  await signInAs(page, "admin", { callbackUrl: "/admin/sources" });
  // Pasted today with tracking parameters, the same report is recognised, not added again.
  await page.getByLabel("Link", { exact: true }).fill(`${NYT}?smid=tw-share&utm_campaign=gsomia#comments`);
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByRole("status")).toContainText("already in the registry");
  await expect(page.getByRole("status").getByRole("link", { name: NYT_TITLE })).toHaveAttribute("href", `/admin/sources/${keptId}`);

  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Overview" }).click();
  await expect(page.getByRole("region", { name: "Proposed duplicates" })).toContainText(NYT_TITLE);
  await page.getByRole("link", { name: "Review duplicates" }).click();
  const proposal = page.getByRole("article", { name: NYT_TITLE });
  await expect(proposal).toContainText("same link under the current canonicalisation rules");
  await expect(proposal).toContainText(LEGACY_URL);
  expect(await seriousViolations(page)).toEqual([]);
  await proposal.getByRole("button", { name: "Merge into the kept source" }).click();

  await expect(page).toHaveURL(new RegExp(`/admin/sources/${keptId}\\?notice=merged`));
  await expect(page.getByRole("status")).toContainText("Merged.");
  await expect(page.getByRole("region", { name: "Duplicates merged into this source" })).toContainText(LEGACY_URL);
  await expect(page.getByRole("heading", { name: /Entries citing this source \(2\)/ })).toBeVisible();

  // The reader's page: both entries now cite the one source, under its canonical link.
  expect(await reportLinks(reader)).toEqual([NYT, NYT]);

  // The merged copy's admin page offers the undo; undone, the two are separate again.
  await page.goto(`/admin/sources/${legacyId}`);
  await expect(page.getByRole("region", { name: "Merged into another source" })).toContainText(NYT_TITLE);
  await page.getByRole("button", { name: "Undo merge" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/sources/${legacyId}\\?notice=unmerged`));
  expect(new Set(await reportLinks(reader))).toEqual(new Set([NYT, LEGACY_URL]));

  // Merged again for good, and the audit log holds all three steps with what moved.
  await page.goto("/admin/sources/duplicates");
  await page.getByRole("article", { name: NYT_TITLE }).getByRole("button", { name: "Merge into the kept source" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/sources/${keptId}`));
  expect(await reportLinks(reader)).toEqual([NYT, NYT]);
  // The duplicate's public page and API address lead to the source it was merged into.
  await reader.goto(`/sources/${legacyId}`);
  await expect(reader).toHaveURL(new RegExp(`/sources/${keptId}$`));
  const api = await reader.request.get(`/api/v1/sources/${legacyId}`, { maxRedirects: 0 });
  expect([307, 308]).toContain(api.status());
  expect(api.headers().location).toMatch(new RegExp(`/api/v1/sources/${keptId}$`));

  await page.goto(`/admin/audit?entityType=Source&entityId=${legacyId}`);
  const events = page.getByRole("list", { name: "Audit events" }).getByRole("article");
  await expect(events).toHaveCount(3);
  await expect(events.nth(0)).toHaveAccessibleName("source:merge on Source");
  await expect(events.nth(1)).toHaveAccessibleName("source:merge-undo on Source");
  await expect(events.nth(0).getByRole("table")).toContainText("movedCitationIds");
});
