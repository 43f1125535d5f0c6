// The reads the benchmark measures: a name, the app's address for it, and whether --quick keeps it.
import pg from "pg";
import { historySlug, type TFillPlan } from "./fill";

export type TRead = { name: string; path: string; quick: boolean; peer?: boolean };

/** Facts of the filled database the reads need: a typical generated agreement, a deep cursor. */
export async function readsFor(databaseUrl: string, appUrl: string, plan: TFillPlan): Promise<{ reads: TRead[]; typical: string }> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "pactwatch-bench" });
  await client.connect();
  let typical: string;
  let asOf: string;
  try {
    // The generated agreement whose published history is nearest 60 entries: a typical page.
    const result = await client.query<{ slug: string }>(
      `SELECT a.slug FROM "Agreement" a JOIN "StatusChange" s ON s."agreementId" = a.id AND s.state = 'PUBLISHED'
       WHERE a.slug LIKE 'gen-%' GROUP BY a.slug ORDER BY abs(count(*) - 60), a.slug LIMIT 1`,
    );
    typical = result.rows[0]?.slug ?? "gsomia";
    // "As of" reads (decision 029) at the instant by which half of that history was known: the
    // read must pick each entry's revision of then and leave out the later half.
    const middle = await client.query<{ at: Date | null }>(
      `SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY s."knownAt") AS at
         FROM "StatusChange" s JOIN "Agreement" a ON a.id = s."agreementId" WHERE a.slug = $1 AND s.state = 'PUBLISHED'`,
      [typical],
    );
    asOf = (middle.rows[0]?.at ?? new Date()).toISOString();
  } finally {
    await client.end();
  }
  const [short, middle, long] = plan.histories as [number, number, number];
  const deep = await cursorAfter(appUrl, `/api/v1/status-changes?agreement=${historySlug(middle)}&limit=50`, 30);
  const history = `/api/v1/status-changes?agreement=${typical}&limit=50`;
  return {
    typical,
    reads: [
      { name: "history-api", path: history, quick: true, peer: true },
      { name: "history-api-as-of", path: `${history}&asOf=${encodeURIComponent(asOf)}`, quick: true },
      { name: "agreement-api", path: `/api/v1/agreements/${typical}`, quick: false },
      { name: "agreement-page", path: `/agreements/${typical}`, quick: false },
      { name: "agreement-page-as-of", path: `/agreements/${typical}?asOf=${encodeURIComponent(asOf)}`, quick: false },
      { name: "relation-page", path: "/relations/JPN-KOR", quick: true },
      { name: "atom-feed", path: "/feeds/developments.atom", quick: false },
      { name: "search-common", path: "/search?q=tariffs", quick: false },
      { name: "search-rare", path: "/search?q=photoresist", quick: false },
      { name: "search-gsomia", path: "/search?q=gsomia", quick: true },
      { name: "agreements-q", path: "/agreements?q=fisheries", quick: false },
      { name: "api-q-gsomia", path: "/api/v1/status-changes?q=gsomia", quick: false },
      { name: "party-page", path: "/parties/JPN", quick: false },
      { name: "history-deep", path: deep, quick: false },
      { name: `first-page-${short}`, path: `/agreements/${historySlug(short)}`, quick: true },
      { name: `first-page-${middle}`, path: `/agreements/${historySlug(middle)}`, quick: false },
      { name: `first-page-${long}`, path: `/agreements/${historySlug(long)}`, quick: true },
    ],
  };
}

/** Follows links.next of a list API `pages` times and returns the address of the page reached. */
async function cursorAfter(appUrl: string, first: string, pages: number): Promise<string> {
  let next = first;
  for (let page = 0; page < pages; page++) {
    const response = await fetch(`${appUrl}${next}`);
    if (!response.ok) throw new Error(`GET ${next} answered ${response.status} while paging to the deep history page`);
    const body = (await response.json()) as { links?: { next?: string | null } };
    if (!body.links?.next) throw new Error(`${first} has fewer than ${pages + 1} pages: the fill is too small for the deep history read`);
    next = body.links.next;
  }
  return next;
}
