import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { readCsvRows } from "../support/csv";

// The reader's journeys (issue 5): search, open GSOMIA and its 22 November 2019 entry, see the
// Japan–South Korea relation on one timeline, subscribe to the GSOMIA feed and export its
// history; then every page type checked with axe-core and photographed at desktop and phone width.
// Other journeys may add developments to the same database first, so counts are lower bounds.

const SCREENSHOTS = path.join("test-results", "screenshots");

test("a reader searches “intelligence”, opens GSOMIA and reads the 22 November 2019 entry with its New York Times citation", async ({ page }) => {
  await page.goto("/agreements");
  await page.getByRole("textbox", { name: "Search" }).fill("intelligence");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/\/agreements\?q=intelligence/);
  await page.getByRole("table").getByRole("link", { name: "GSOMIA", exact: true }).click();
  await expect(page).toHaveURL(/\/agreements\/gsomia$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("General Security of Military Information Agreement");

  const entry = page.getByRole("article").filter({ has: page.locator(":scope > p:first-child > time", { hasText: "22 November 2019" }) });
  await expect(entry).toHaveCount(1);
  await expect(entry.getByText("Provisionally extended").first()).toBeVisible();
  const sources = entry.getByRole("list", { name: "Sources cited" });
  await expect(sources.getByText("The New York Times")).toBeVisible();
  await expect(sources.getByRole("link", { name: /At Last Minute, South Korea Holds Off on Leaving Intelligence Pact With Japan/ })).toHaveAttribute(
    "href",
    "https://www.nytimes.com/2019/11/22/world/asia/japan-south-korea-intelligence.html",
  );
  // The termination it stopped is still in the record, marked as never having taken effect.
  const termination = page.getByRole("article").filter({ hasText: "Seoul decides to terminate GSOMIA" });
  await expect(termination.getByText(/Did not take effect: cancelled by/)).toBeVisible();
});

test("a reader opens the Japan–South Korea relation and sees the export controls and GSOMIA on one timeline", async ({ page }) => {
  await page.goto("/agreements/gsomia");
  await page.getByRole("link", { name: "Everything between Japan and South Korea" }).click();
  await expect(page).toHaveURL(/\/relations\/JPN-KOR$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Japan and South Korea");

  const timeline = page.getByRole("figure");
  await expect(timeline.getByRole("img")).toHaveAccessibleName(/Agreements and trade measures between Japan and South Korea/);
  const picture = timeline.locator("svg:visible");
  await expect(picture.locator("text", { hasText: "GSOMIA" })).toHaveCount(1);
  await expect(picture.locator("text", { hasText: /export licensing for fluorinated polyimide/ })).toHaveCount(1);
  // The text equivalent names the same rows and periods.
  await timeline.getByText("The timeline as text").click();
  await expect(timeline.getByRole("link", { name: "GSOMIA" })).toBeVisible();
  await expect(timeline.getByText(/Provisionally extended: from 22 November 2019/)).toBeVisible();

  await expect(page.getByRole("heading", { name: "Measures Japan imposes on South Korea" })).toBeVisible();
  const escalations2019 = page.getByRole("row", { name: /^2019/ });
  await expect(escalations2019).toBeVisible();

  // Either order is the same relation.
  await page.goto("/relations/KOR-JPN");
  await expect(page).toHaveURL(/\/relations\/JPN-KOR$/);
});

test("a reader subscribes to the GSOMIA feed and gets valid Atom", async ({ page }) => {
  await page.goto("/agreements/gsomia");
  const feedHref = await page.locator('head link[rel="alternate"][type="application/atom+xml"]').getAttribute("href");
  expect(feedHref).toMatch(/\/feeds\/agreements\/gsomia\.atom$/);
  await expect(page.getByRole("link", { name: /Follow this agreement/ })).toHaveAttribute("href", "/feeds/agreements/gsomia.atom");

  const response = await page.request.get(feedHref!);
  expect(response.headers()["content-type"]).toContain("application/atom+xml");
  const xml = await response.text();
  const feed = await page.evaluate((text) => {
    const document = new DOMParser().parseFromString(text, "application/xml");
    const atom = "http://www.w3.org/2005/Atom";
    const root = document.documentElement;
    const entries = [...document.getElementsByTagNameNS(atom, "entry")];
    return {
      error: document.getElementsByTagName("parsererror").length,
      namespace: root.namespaceURI,
      root: root.localName,
      title: root.getElementsByTagNameNS(atom, "title")[0]?.textContent,
      authors: root.getElementsByTagNameNS(atom, "author").length,
      entries: entries.map((entry) => ({
        id: entry.getElementsByTagNameNS(atom, "id")[0]?.textContent ?? "",
        title: entry.getElementsByTagNameNS(atom, "title")[0]?.textContent ?? "",
        updated: entry.getElementsByTagNameNS(atom, "updated")[0]?.textContent ?? "",
        link: entry.getElementsByTagNameNS(atom, "link")[0]?.getAttribute("href") ?? "",
      })),
    };
  }, xml);
  expect(feed).toMatchObject({ error: 0, namespace: "http://www.w3.org/2005/Atom", root: "feed" });
  expect(feed.title).toContain("GSOMIA");
  expect(feed.authors).toBeGreaterThan(0);
  expect(feed.entries.length).toBeGreaterThanOrEqual(9);
  for (const entry of feed.entries) {
    expect(entry.id).toMatch(/^urn:uuid:/);
    expect(Number.isNaN(Date.parse(entry.updated))).toBe(false);
  }
  const suspension = feed.entries.find((entry) => entry.title.includes("Seoul suspends GSOMIA termination hours before expiry"));
  // Each entry links to a development's own page, which a reader can open.
  expect(new URL(suspension!.link).pathname).toMatch(/^\/developments\/[0-9a-f-]{36}$/);
  await page.goto(suspension!.link);
  await expect(page.getByRole("heading", { name: "Seoul suspends GSOMIA termination hours before expiry", exact: true })).toBeVisible();
});

test("a reader exports GSOMIA's history as CSV and the file reads as a spreadsheet would", async ({ page }) => {
  await page.goto("/agreements/gsomia");
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export history as CSV" }).first().click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^pactwatch-developments-gsomia-\d{4}-\d\d-\d\d\.csv$/);
  const bytes = fs.readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = readCsvRows(bytes.subarray(3).toString("utf8"));
  const column = (name: string) => header!.indexOf(name);
  expect(column("headline")).toBeGreaterThanOrEqual(0);
  expect(rows.length).toBeGreaterThanOrEqual(9);
  expect(rows.every((row) => row.length === header!.length)).toBe(true);
  const nov22 = rows.find((row) => row[column("occurred")] === "2019-11-22" && row[column("status")] === "PROVISIONALLY_EXTENDED");
  expect(nov22?.[column("sources")]).toContain("The New York Times");
});

test("filters are plain forms: a reader without JavaScript searches measures and pages through developments", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/measures");
  await page.getByRole("textbox", { name: "Search" }).fill("export controls");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/\/measures\?q=export\+controls/);
  await expect(page.getByRole("table").getByRole("link")).not.toHaveCount(0);
  await expect(page.getByRole("link", { name: /Japan's individual export licensing/ })).toBeVisible();

  await page.goto("/developments?limit=5");
  await page.getByRole("link", { name: "Next page →" }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(page.getByText("Back to the first page")).toBeVisible();
  await context.close();
});

const PAGE_TYPES: { name: string; path: string }[] = [
  { name: "home", path: "/" },
  { name: "agreements", path: "/agreements?q=intelligence" },
  { name: "agreement", path: "/agreements/gsomia" },
  { name: "measures", path: "/measures" },
  { name: "measure", path: "/measures/japan-export-controls-semiconductor-materials" },
  { name: "parties", path: "/parties" },
  { name: "party", path: "/parties/KOR" },
  { name: "relations", path: "/relations" },
  { name: "relation", path: "/relations/JPN-KOR" },
  { name: "sources", path: "/sources" },
  { name: "developments", path: "/developments" },
  { name: "search", path: "/search?q=export+controls" },
  { name: "methodology", path: "/methodology" },
  { name: "not-found", path: "/agreements/no-such-pact" },
];

/** Checks the page with axe-core and photographs it; returns its serious and critical violations. */
async function checkAndPhotograph(page: Page, name: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${name}: ${violation.id}: ${violation.help} (${violation.nodes.slice(0, 3).map((node) => node.target.join(" ")).join("; ")})`);
  await expect(page).toHaveTitle(/Pactwatch/);
  expect(await page.locator('head meta[name="description"]').getAttribute("content")).toBeTruthy();
  for (const [device, width, height] of [["desktop", 1280, 900], ["phone", 390, 844]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${device}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  return serious;
}

test("every page type has no serious accessibility violations, a title and a description, photographed at desktop and phone width", async ({ page }) => {
  test.setTimeout(180_000);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const violations: string[] = [];
  for (const { name, path: address } of PAGE_TYPES) {
    const response = await page.goto(address);
    expect(response?.status(), address).toBe(name === "not-found" ? 404 : 200);
    violations.push(...(await checkAndPhotograph(page, name)));
  }
  // Pages whose address depends on the data: a source and a development.
  await page.goto("/sources?q=intelligence");
  await page.getByRole("link", { name: /At Last Minute, South Korea Holds Off/ }).click();
  await expect(page.getByRole("heading", { level: 2, name: /What cites it/ })).toBeVisible();
  violations.push(...(await checkAndPhotograph(page, "source")));
  await page.getByRole("link", { name: "Seoul suspends GSOMIA termination hours before expiry" }).click();
  await expect(page).toHaveURL(/\/developments\/[0-9a-f-]{36}$/);
  violations.push(...(await checkAndPhotograph(page, "development")));
  expect(violations).toEqual([]);
});

