import { beforeAll, describe, expect, it } from "vitest";
import { GET as listChangesApi } from "../../app/api/v1/status-changes/get";
import { GET as jsonExport } from "../../app/exports/developments.json/route";
import { runAsActor } from "../../lib/server/auth/actor-context";
import { parseQueryLeniently, ZDevelopmentQuery } from "../../lib/schemas/reader-queries";
import { toSearchParams } from "../../lib/schemas/to-search-params";
import { listPublishedChanges } from "../../lib/server/status-changes/list-published-changes";
import { seedDemoData } from "../../prisma/seed/seed-database";
import { useTestDatabase } from "../support/test-database";

// Readers filter developments by corroboration (issue 13 item 4, decision 038): the level each
// entry shows, on the list page's GET form, in the API and in the exports, on the demo data.

const database = useTestDatabase();
const ORIGIN = "http://pactwatch.test";

function call(handler: (request: Request, context: { params: Promise<object> }) => Promise<Response>, path: string) {
  return runAsActor(null, () => handler(new Request(`${ORIGIN}${path}`), { params: Promise.resolve({}) }));
}

/** Every published or retracted development with the level it shows, read without the filter. */
async function everyEntry(filters: Parameters<typeof listPublishedChanges>[1] = {}) {
  return (await listPublishedChanges(null, filters, { limit: 500 })).entries;
}

beforeAll(async () => {
  await seedDemoData(database.db);
});

describe("the corroboration filter", () => {
  it("lists exactly the entries showing the levels asked for, whole history, one subject and a search alike, in history order", async () => {
    const all = await everyEntry();
    const levels = new Set(all.map((entry) => entry.corroboration.level));
    expect(levels.size, "the demo data has entries of several levels").toBeGreaterThan(1);
    for (const scope of [{}, { agreement: "gsomia" }, { q: "intelligence" }, { party: "JPN" }]) {
      const unfiltered = await everyEntry(scope);
      for (const corroboration of [["SINGLE_SOURCE"], ["WELL_CORROBORATED", "CORROBORATED"], ["UNCORROBORATED"]] as const) {
        const filtered = await everyEntry({ ...scope, corroboration: [...corroboration] });
        const expected = unfiltered.filter((entry) => (corroboration as readonly string[]).includes(entry.corroboration.level));
        expect(filtered.map((entry) => entry.id), `${JSON.stringify(scope)} ${corroboration.join(",")}`).toEqual(expected.map((entry) => entry.id));
      }
    }
  });

  it("pages a level with the keyset, and follows an analyst's judgment", async () => {
    const wellCorroborated = await everyEntry({ corroboration: ["WELL_CORROBORATED"] });
    expect(wellCorroborated.length).toBeGreaterThan(2);
    const first = await listPublishedChanges(null, { corroboration: ["WELL_CORROBORATED"] }, { limit: 2 });
    const second = await listPublishedChanges(null, { corroboration: ["WELL_CORROBORATED"] }, { limit: 2, cursor: first.nextCursor! });
    expect([...first.entries, ...second.entries].map((entry) => entry.id)).toEqual(wellCorroborated.slice(0, 4).map((entry) => entry.id));

    const judged = wellCorroborated[0]!;
    await database.db.statusChange.update({ where: { id: judged.id }, data: { corroborationLevel: "SINGLE_SOURCE", corroborationReason: "Both reports rest on one briefing." } });
    expect((await everyEntry({ corroboration: ["SINGLE_SOURCE"] })).map((entry) => entry.id)).toContain(judged.id);
    expect((await everyEntry({ corroboration: ["WELL_CORROBORATED"] })).map((entry) => entry.id)).not.toContain(judged.id);
    await database.db.statusChange.update({ where: { id: judged.id }, data: { corroborationLevel: null, corroborationReason: null } });
    expect((await everyEntry({ corroboration: ["WELL_CORROBORATED"] })).map((entry) => entry.id)).toContain(judged.id);
  });

  it("is a GET parameter the page's links keep, one level or a comma list, refused when unknown or with asOf", () => {
    const { query, errors } = parseQueryLeniently(ZDevelopmentQuery, { corroboration: "WELL_CORROBORATED,CORROBORATED", party: "JPN" });
    expect(errors).toEqual({});
    expect(query.corroboration).toEqual(["WELL_CORROBORATED", "CORROBORATED"]);
    expect(toSearchParams(ZDevelopmentQuery, { ...query, cursor: "x" }).getAll("corroboration")).toEqual(["WELL_CORROBORATED", "CORROBORATED"]);
    expect(parseQueryLeniently(ZDevelopmentQuery, { corroboration: "CONFIRMED" }).errors).toHaveProperty("corroboration");
    const past = parseQueryLeniently(ZDevelopmentQuery, { corroboration: "SINGLE_SOURCE", asOf: "2019-11-22" });
    expect(past.errors).toHaveProperty("corroboration");
    expect(past.query.corroboration).toEqual([]);
    expect(past.query.asOf).toBeDefined();
  });

  it("filters the API list and the JSON export, and answers hostile values with a problem", async () => {
    // The demo data's entries are mostly well corroborated; the rarer level is the sharper test.
    const rarest = (await database.db.statusChange.groupBy({ by: ["shownCorroborationLevel"], _count: true, orderBy: { _count: { id: "asc" } } }))[0]!.shownCorroborationLevel;
    const response = await call(listChangesApi, `/api/v1/status-changes?corroboration=${rarest}&limit=100`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { id: string; corroboration: { level: string } }[] };
    expect(body.data.length).toBeGreaterThan(0);
    expect(body.data.every((item) => item.corroboration.level === rarest)).toBe(true);
    expect(body.data.map((item) => item.id)).toEqual((await everyEntry({ corroboration: [rarest] })).map((entry) => entry.id));

    for (const hostile of ["corroboration=%27%3B%20DROP%20TABLE%20x", "corroboration=single_source", "corroboration=SINGLE_SOURCE&asOf=2019-11-22", `corroboration=${"A".repeat(5000)}`]) {
      const refused = await call(listChangesApi, `/api/v1/status-changes?${hostile}`);
      expect(refused.status, hostile).toBe(422);
      expect(refused.headers.get("content-type")).toContain("application/problem+json");
    }

    const exported = await call(jsonExport, `/exports/developments.json?corroboration=UNCORROBORATED,${rarest}`);
    expect(exported.status).toBe(200);
    const text = await exported.text();
    const levels = [...text.matchAll(/"level":"([A-Z_]+)"/g)].map((match) => match[1]);
    expect(levels.length).toBeGreaterThan(0);
    expect(levels.every((level) => level === "UNCORROBORATED" || level === rarest)).toBe(true);
  });
});
