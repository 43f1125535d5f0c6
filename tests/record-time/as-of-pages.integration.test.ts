import { beforeAll, describe, expect, it, vi } from "vitest";
import { seedDemoData } from "../../prisma/seed/seed-database";
import { getMeasure } from "../../lib/server/measures/get-measure";
import { getParty } from "../../lib/server/parties/get-party";
import { getRelation } from "../../lib/server/relations/get-relation";
import { renderPublicPage } from "../support/render-page";
import { useTestDatabase } from "../support/test-database";

// Issue 12 item 2 beyond the agreement and development pages (decisions 029, 036): the measure,
// relation and party pages read as of an instant, on the demo day itself. GSOMIA at 12:00 Seoul
// time on 22 November 2019 is NOTICE_GIVEN, at 23:00 PROVISIONALLY_EXTENDED; so it reads on the
// relation JPN-KOR and on both parties' pages.

vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-pactwatch-path": "/as-of-pages" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
}));
vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), connection: async () => {} }));

const database = useTestDatabase();
const known = (iso: string) => ({ instant: new Date(iso), axis: "known" as const });
const NOON = "2019-11-22T12:00:00+09:00";
const NIGHT = "2019-11-22T23:00:00+09:00";

beforeAll(async () => {
  await seedDemoData(database.db);
}, 120_000);

const render = renderPublicPage;

/** Links to pages that read no asOf (methodology) and the banner's "what changed since then", which names the instant as `since`. */
function isOutOfScope(href: string): boolean {
  return href.startsWith("/methodology") || href.startsWith("/changes?since=");
}

/** The hrefs of a page's internal links. */
function internalLinks(html: string): string[] {
  return [...html.matchAll(/href="(\/[^"]*)"/g)].map((match) => match[1]!.replace(/&amp;/g, "&"));
}

describe("the measure page as of an instant", () => {
  it("derives the status then: announced before it took effect, in force after, lifted now", async () => {
    const slug = "japan-removes-korea-from-white-list";
    expect((await getMeasure(null, slug, new Date(), known("2019-08-20T12:00:00+09:00"))).status.current?.status).toBe("ANNOUNCED");
    expect((await getMeasure(null, slug, new Date(), known("2020-01-01T00:00:00Z"))).status.current?.status).toBe("IN_FORCE");
    expect((await getMeasure(null, slug)).status.current?.status).toBe("LIFTED");
    const before = await getMeasure(null, slug, new Date(), known("2019-07-01T00:00:00Z"));
    expect(before.status.current).toBeNull();
    expect(before.skeleton).toEqual([]);
  });

  it("shows the banner and keeps asOf on every internal link", async () => {
    const html = await render("measures/[slug]/page", { slug: "japan-removes-korea-from-white-list" }, { asOf: "2020-01-01T00:00Z" });
    expect(html).toContain("The record as it was known on");
    const links = internalLinks(html).filter((href) => !isOutOfScope(href));
    const present = links.filter((href) => !href.includes("asOf="));
    // The one link without it is the banner's "see it as it stands now".
    expect(present).toEqual(["/measures/japan-removes-korea-from-white-list"]);
  });
});

describe("the relation JPN-KOR as of an instant", () => {
  it("gives GSOMIA's status at noon and at 23:00 Seoul time", async () => {
    const noon = await getRelation(null, ["KOR", "JPN"], { asOf: known(NOON) });
    const night = await getRelation(null, ["JPN", "KOR"], { asOf: known(NIGHT) });
    const gsomia = (relation: typeof noon) => relation.agreements.find((item) => item.slug === "gsomia");
    expect(gsomia(noon)?.current?.status).toBe("NOTICE_GIVEN");
    expect(gsomia(night)?.current?.status).toBe("PROVISIONALLY_EXTENDED");
    // Counted from what stood: nothing of later years.
    expect(Math.max(...noon.years.map((year) => year.year))).toBe(2019);
    const lane = noon.lanes.find((item) => item.slug === "gsomia");
    expect(lane?.skeleton?.some((change) => change.status === "PROVISIONALLY_EXTENDED")).toBe(false);
  });

  it("renders the banner and keeps asOf on its links", async () => {
    const html = await render("relations/[pair]/page", { pair: "JPN-KOR" }, { asOf: NIGHT });
    expect(html).toContain("The record as it was known on 22 November 2019, 14:00 UTC");
    const present = internalLinks(html).filter((href) => !href.includes("asOf=") && !isOutOfScope(href));
    expect(present).toEqual(["/relations/JPN-KOR"]);
  });
});

describe("a party's page as of an instant", () => {
  it("gives GSOMIA's status then on the pages of both parties", async () => {
    for (const code of ["KOR", "JPN"]) {
      const noon = await getParty(null, code, new Date(), known(NOON));
      const night = await getParty(null, code, new Date(), known(NIGHT));
      expect(noon.agreements.find((item) => item.slug === "gsomia")?.current?.status, code).toBe("NOTICE_GIVEN");
      expect(night.agreements.find((item) => item.slug === "gsomia")?.current?.status, code).toBe("PROVISIONALLY_EXTENDED");
    }
  });

  it("renders the banner, the no-JS control and keeps asOf on its links", async () => {
    const html = await render("parties/[code]/page", { code: "KOR" }, { asOf: NOON, axis: "known" });
    expect(html).toMatch(/<form[^>]*method="get"/);
    expect(html).toContain("The record as it was known on 22 November 2019, 03:00 UTC");
    const present = internalLinks(html).filter((href) => !href.includes("asOf=") && !isOutOfScope(href));
    expect(present).toEqual(["/parties/KOR"]);
  });

  it("shows a note, not an error, for an asOf it cannot read", async () => {
    const html = await render("parties/[code]/page", { code: "KOR" }, { asOf: "2019-02-30" });
    expect(html).toContain("That date could not be read");
  });
});

describe("the lists, developments, search and home page as of an instant", () => {
  const noLinkWithout = (html: string, present: string[]) =>
    expect(internalLinks(html).filter((href) => !href.includes("asOf=") && !isOutOfScope(href))).toEqual(present);

  it("the agreements list derives each status and filters on it at that instant", async () => {
    const { listAgreements } = await import("../../lib/server/agreements/list-agreements");
    const noon = await listAgreements(null, {}, { asOf: known(NOON) });
    const night = await listAgreements(null, { status: ["PROVISIONALLY_EXTENDED"] }, { asOf: known(NIGHT) });
    expect(noon.items.find((item) => item.slug === "gsomia")?.current?.status).toBe("NOTICE_GIVEN");
    expect(night.items.map((item) => item.slug)).toEqual(["gsomia"]);
    expect((await listAgreements(null, { status: ["PROVISIONALLY_EXTENDED"] }, { asOf: known(NOON) })).items).toEqual([]);
    const html = await render("agreements/page", {}, { asOf: NIGHT, q: "gsomia" });
    expect(html).toContain("The record as it was known on 22 November 2019, 14:00 UTC");
    expect(html).toContain("Provisionally extended");
    noLinkWithout(html, ["/agreements"]);
  });

  it("the measures list keeps asOf and derives statuses then", async () => {
    const html = await render("measures/page", {}, { asOf: "2019-08-20" });
    expect(html).toContain("The record as it was known on 20 August 2019, 23:59 UTC");
    noLinkWithout(html, ["/measures"]);
  });

  it("the developments list, its pages and filters keep asOf; search too", async () => {
    const html = await render("developments/page", {}, { asOf: NOON, limit: "2" });
    expect(html).not.toContain("suspend");
    expect(html).toContain('name="asOf" value="2019-11-22T03:00:00.000Z"');
    noLinkWithout(html, ["/developments"]);
    const found = await render("search/page", {}, { q: "gsomia", asOf: NOON });
    expect(found).toContain("Notice given");
    expect(found).not.toContain("Provisionally extended");
    noLinkWithout(found, ["/search?q=gsomia"]);
  });

  it("the home page shows the termination pending at noon and keeps asOf", async () => {
    const { listPendingDeadlines } = await import("../../lib/server/overview/list-pending-deadlines");
    const noon = await listPendingDeadlines(null, { asOf: known(NOON) });
    expect(noon.filter((deadline) => deadline.kind === "scheduled-change").map((deadline) => [deadline.subject.name, deadline.at.toISOString()])).toEqual([["GSOMIA", "2019-11-22T15:00:00.000Z"]]);
    expect((await listPendingDeadlines(null, { asOf: known(NIGHT) })).filter((deadline) => deadline.kind === "scheduled-change")).toEqual([]);
    const html = await render("page", {}, { asOf: NOON });
    expect(html).toContain("The record as it was known on");
    noLinkWithout(html, ["/"]);
  });

  it("an asOf a list cannot read is a note beside the present list, never an error", async () => {
    for (const asOf of ["2019-02-30", "0000-01-01", "\u0000", "2019-11-22T25:00", "9".repeat(500)]) {
      const html = await render("agreements/page", {}, { asOf });
      expect(html, asOf).toContain("That date could not be read");
    }
  });
});
