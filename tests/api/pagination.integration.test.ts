import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { loadApiV1Routes } from "../../app/api/v1/route-registry";
import { runAsActor } from "../../lib/server/auth/actor-context";
import { seedDemoData } from "../../prisma/seed/seed-database";
import { makeAgreement, makeCitingEntry, makeSource } from "../support/registry-factories";
import { useTestDatabase } from "../support/test-database";

// Keyset pages stay exact while rows are written between them (decision 021): following
// links.next from the first page to the last gives every row that existed at the start exactly
// once (no gaps, no duplicates), whatever was inserted before, inside or after the pages read.

const database = useTestDatabase();
const unique = () => randomBytes(3).toString("hex");
type TItem = { slug?: string; code?: string; id?: string };
type TPage = { data: TItem[]; links: { next: string | null } };

let routes: Awaited<ReturnType<typeof loadApiV1Routes>> = [];
beforeAll(async () => {
  await seedDemoData(database.db);
  routes = await loadApiV1Routes();
}, 300_000);

async function get(path: string): Promise<TPage> {
  const url = new URL(path, "http://pactwatch.test");
  const route = routes.find((candidate) => candidate.method === "GET" && candidate.path === url.pathname)!;
  const response = await runAsActor(null, () => route.handler(new Request(url), { params: Promise.resolve({}) }));
  expect(response.status, `${path}: ${await response.clone().text()}`).toBe(200);
  return (await response.json()) as TPage;
}

const keyOf = (item: TItem) => item.slug ?? item.code ?? item.id!;

/** Every row at the start, then the pages of `limit` with `insert` run before each next page. */
async function pageWhileInserting(first: string, insert: (page: number) => Promise<void>) {
  const all = await get(`${first}&limit=100`);
  expect(all.links.next, "the whole list fits one page of 100").toBeNull();
  const before = all.data.map(keyOf);
  const seen: string[] = [];
  let next: string | null = `${first}&limit=3`;
  let pages = 0;
  while (next) {
    const page = await get(next);
    seen.push(...page.data.map(keyOf));
    next = page.links.next;
    pages += 1;
    if (next) await insert(pages);
  }
  return { before, seen, pages };
}

function expectExact({ before, seen, pages }: { before: string[]; seen: string[]; pages: number }) {
  expect(pages).toBeGreaterThan(2);
  expect(seen.filter((key, index) => seen.indexOf(key) !== index), "rows given twice").toEqual([]);
  expect(before.filter((key) => !seen.includes(key)), "rows skipped").toEqual([]);
}

describe("keyset pages with rows inserted between them", () => {
  it("agreements by name: new ones before, among and after the pages read", async () => {
    for (let index = 0; index < 8; index++) await database.db.agreement.create({ data: { slug: `start-${index}-${unique()}`, title: `Kappa treaty ${index}`, kind: "TRADE" } });
    const titles = ["Aardvark accord", "Memorandum in the middle", "Zulu pact"];
    const result = await pageWhileInserting("/api/v1/agreements?sort=name", async (page) => {
      for (const title of titles) await database.db.agreement.create({ data: { slug: `page-${page}-${unique()}`, title: `${title} ${page}`, kind: "TRADE" } });
    });
    expectExact(result);
  });

  it("parties by name (all of them)", async () => {
    const party = (name: string) => ({ data: { code: `P${unique()}`.toUpperCase(), name, kind: "ORGANIZATION" as const } });
    for (let index = 0; index < 8; index++) await database.db.party.create(party(`Kappa pageland ${index}`));
    const result = await pageWhileInserting("/api/v1/parties?scope=all&sort=name&q=pageland", async (page) => {
      for (const name of ["Aa pageland", "Middle pageland", "Zed pageland"]) await database.db.party.create(party(`${name} ${page}`));
    });
    expectExact(result);
  });

  it("sources, newest first and by title", async () => {
    for (let index = 0; index < 8; index++) await makeSource(database.db, { title: `Kappa paging report ${index}`, publishedAt: new Date(`2019-0${index + 1}-15`) });
    for (const sort of ["newest", "title"]) {
      const result = await pageWhileInserting(`/api/v1/sources?sort=${sort}&q=paging`, async (page) => {
        for (const [title, publishedAt] of [["Aa paging report", "2030-01-01"], ["Mm paging report", "2019-04-20"], ["Zz paging report", "1990-01-01"]] as const) {
          await makeSource(database.db, { title: `${title} ${page}`, publishedAt: new Date(publishedAt) });
        }
      });
      expectExact(result);
    }
  });

  it("developments in effective order, new ones dated before, among and after those read", async () => {
    const agreement = await makeAgreement(database.db);
    const source = await makeSource(database.db);
    const result = await pageWhileInserting("/api/v1/status-changes?state=all", async (page) => {
      for (const date of ["2030-01-01T00:00:00Z", "2019-11-22T00:00:00Z", "1990-01-01T00:00:00Z"]) {
        const entry = await makeCitingEntry(database.db, agreement.id, [source.id], `Inserted on page ${page}`);
        await database.db.statusChange.update({ where: { id: entry.id }, data: { occurredAt: new Date(date), effectiveTime: new Date(date), publishedAt: new Date(date) } });
      }
    });
    expectExact(result);
  });
});
