import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../prisma/seed/seed-database";
import { runAsActor } from "../../lib/server/auth/actor-context";
import { GET as agreementFeed } from "../../app/feeds/agreements/[file]/route";
import { GET as relationFeed } from "../../app/feeds/relations/[file]/route";
import { GET as allFeed } from "../../app/feeds/developments.atom/route";
import { GET as csvExport } from "../../app/exports/developments.csv/route";
import { GET as jsonExport } from "../../app/exports/developments.json/route";
import { GET as listAgreementsApi } from "../../app/api/v1/agreements/get";
import { GET as getAgreementApi } from "../../app/api/v1/agreements/[slug]/get";
import { GET as listChangesApi } from "../../app/api/v1/status-changes/get";
import { GET as getRelationApi } from "../../app/api/v1/relations/[pair]/route";
import { GET as listMeasuresApi } from "../../app/api/v1/measures/get";
import { GET as listSourcesApi } from "../../app/api/v1/sources/get";
import { GET as getPartyApi } from "../../app/api/v1/parties/[code]/get";
import { readCsvRows } from "../support/csv";
import { useTestDatabase } from "../support/test-database";

const database = useTestDatabase();
const ORIGIN = "http://pactwatch.test";

type THandler<TParams> = (request: Request, context: { params: Promise<TParams> }) => Promise<Response>;

/** Calls a route handler as an anonymous reader would (no session, no token). */
function call<TParams>(handler: THandler<TParams>, path: string, params: TParams = {} as TParams): Promise<Response> {
  return runAsActor(null, () => handler(new Request(`${ORIGIN}${path}`), { params: Promise.resolve(params) }));
}

beforeAll(async () => {
  await seedDemoData(database.db);
});


describe("Atom feeds", () => {
  it("gives GSOMIA's developments as an Atom document linking each entry to its page", async () => {
    const response = await call(agreementFeed, "/feeds/agreements/gsomia.atom", { file: "gsomia.atom" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/atom+xml");
    const xml = await response.text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\s*<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    expect(xml).toContain(`<link rel="self" type="application/atom+xml" href="${ORIGIN}/feeds/agreements/gsomia.atom"`);
    const entries = xml.match(/<entry>[\s\S]*?<\/entry>/g) ?? [];
    expect(entries).toHaveLength(9);
    for (const entry of entries) {
      expect(entry).toMatch(/<id>urn:uuid:[0-9a-f-]{36}<\/id>/);
      expect(entry).toMatch(/<updated>\d{4}-\d\d-\d\dT/);
      expect(entry).toMatch(new RegExp(`<link rel="alternate" type="text/html" href="${ORIGIN}/developments/[0-9a-f-]{36}"`));
    }
    expect(xml).toContain("Seoul suspends GSOMIA termination hours before expiry");
    expect(xml).toContain("The New York Times");
  });

  it("follows a relation in either order and answers 404 for unknown subjects", async () => {
    const relation = await call(relationFeed, "/feeds/relations/KOR-JPN.atom", { file: "KOR-JPN.atom" });
    expect(relation.status).toBe(200);
    expect((await relation.text()).match(/<entry>/g)).toHaveLength(20);
    expect((await call(agreementFeed, "/feeds/agreements/nope.atom", { file: "nope.atom" })).status).toBe(404);
    expect((await call(agreementFeed, "/feeds/agreements/gsomia.rss", { file: "gsomia.rss" })).status).toBe(404);
    expect((await call(allFeed, "/feeds/developments.atom")).status).toBe(200);
  });
});

describe("exports", () => {
  it("streams a filtered history as CSV with its citations, one row per development or per citation", async () => {
    const response = await call(csvExport, "/exports/developments.csv?agreement=gsomia");
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="pactwatch-developments-gsomia-.*\.csv"/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    // A UTF-8 byte-order mark first, so spreadsheets read the Japanese and Korean quotes right.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = readCsvRows(new TextDecoder().decode(bytes));
    expect(header).toContain("headline");
    expect(rows).toHaveLength(9);
    const column = (name: string) => header!.indexOf(name);
    const nov22 = rows.find((row) => row[column("occurred")] === "2019-11-22" && row[column("status")] === "PROVISIONALLY_EXTENDED")!;
    expect(nov22[column("sources")]).toContain("The New York Times: At Last Minute, South Korea Holds Off on Leaving Intelligence Pact With Japan");
    expect(nov22[column("sources")]).toContain("[B1]");

    const perCitation = readCsvRows(await (await call(csvExport, "/exports/developments.csv?agreement=gsomia&rows=citations")).text());
    const citations = await database.db.citation.count({ where: { statusChange: { agreement: { slug: "gsomia" } } } });
    expect(perCitation).toHaveLength(citations + 1);
  });

  it("streams JSON with the query it answers and refuses bad filters", async () => {
    const response = await call(jsonExport, "/exports/developments.json?pair=KOR-JPN&direction=ESCALATION");
    const document = (await response.json()) as { query: { pair: string }; developments: { direction: string; citations: unknown[] }[] };
    expect(document.query.pair).toBe("KOR-JPN");
    expect(document.developments.length).toBeGreaterThan(3);
    expect(document.developments.every((development) => development.direction === "ESCALATION" && development.citations.length > 0)).toBe(true);
    const bad = await call(jsonExport, "/exports/developments.json?status=NOPE");
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toBe("application/problem+json");
  });
});

describe("read API", () => {
  it("lists agreements with filters and cursors, and gives one with its derived status", async () => {
    const list = (await (await call(listAgreementsApi, "/api/v1/agreements?q=intelligence%20pact")).json()) as { data: { slug: string; current: { status: string } }[]; total: number };
    expect(list.data.map((agreement) => agreement.slug)).toEqual(["gsomia"]);
    expect(list.data[0]!.current.status).toBe("RESTORED");
    const detail = (await (await call(getAgreementApi, "/api/v1/agreements/gsomia", { slug: "gsomia" })).json()) as { data: { status: { current: { status: string } }; timeline: { bands: unknown[] } } };
    expect(detail.data.status.current.status).toBe("RESTORED");
    expect(detail.data.timeline.bands.length).toBeGreaterThanOrEqual(4);
    expect((await call(getAgreementApi, "/api/v1/agreements/nope", { slug: "nope" })).status).toBe(404);
  });

  it("pages status changes by cursor and names invalid filters", async () => {
    const first = (await (await call(listChangesApi, "/api/v1/status-changes?agreement=gsomia&limit=5")).json()) as { data: { id: string }[]; links: { next: string } };
    expect(first.data).toHaveLength(5);
    const second = (await (await call(listChangesApi, first.links.next)).json()) as { data: { id: string }[]; nextCursor: string | null };
    expect(second.data).toHaveLength(4);
    expect(second.nextCursor).toBeNull();
    const bad = await call(listChangesApi, "/api/v1/status-changes?limit=1000");
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { errors: Record<string, string[]> }).errors).toHaveProperty("limit");
  });

  it("answers relations, measures, sources and parties", async () => {
    const relation = (await (await call(getRelationApi, "/api/v1/relations/KOR-JPN", { pair: "KOR-JPN" })).json()) as { data: { pair: string; measures: unknown[] } };
    expect(relation.data.pair).toBe("JPN-KOR");
    expect(relation.data.measures).toHaveLength(3);
    const measures = (await (await call(listMeasuresApi, "/api/v1/measures?q=export%20controls")).json()) as { data: unknown[] };
    expect(measures.data).toHaveLength(3);
    const sources = (await (await call(listSourcesApi, "/api/v1/sources?q=intelligence")).json()) as { data: { publisher: string }[] };
    expect(sources.data.some((source) => source.publisher === "The New York Times")).toBe(true);
    const korea = (await (await call(getPartyApi, "/api/v1/parties/kor", { code: "kor" })).json()) as { data: { name: string } };
    expect(korea.data.name).toBe("South Korea");
  });
});
