import { beforeAll, describe, expect, it, vi } from "vitest";
import { seedDemoData } from "../../prisma/seed/seed-database";
import { GET as sourcesApi } from "../../app/api/v1/sources/get";
import { GET as sourceApi } from "../../app/api/v1/sources/[id]/route";
import { GET as partiesApi } from "../../app/api/v1/parties/get";
import { GET as mirrorApi } from "../../app/api/v1/relations/[pair]/mirror/route";
import { ZEditStatusChange } from "../../lib/schemas/status-change";
import type { TSignedInActor } from "../../lib/server/permissions";
import { listParties } from "../../lib/server/parties/list-parties";
import { getMirror } from "../../lib/server/relations/get-mirror";
import { getSource, type TSourcePage } from "../../lib/server/sources/get-source";
import { listSources } from "../../lib/server/sources/list-sources";
import { editStatusChange } from "../../lib/server/status-changes/edit-status-change";
import { getStatusChange } from "../../lib/server/status-changes/get-status-change";
import { logStatusChange } from "../../lib/server/status-changes/log-status-change";
import { callRoute } from "../api/call-route";
import { createTestAgreement, createTestUser, logInput } from "../support/desk-factories";
import { makeSource } from "../support/registry-factories";
import { renderPublicPage } from "../support/render-page";
import { useTestDatabase } from "../support/test-database";

// Issue 12 item 2 for the pages decision 036 left out (decision 040): source pages, the party and
// relation indexes and the mirror view as of an instant, with developments logged and corrected in
// the test (recorded axis), a source published after the instant (known axis) and the demo day.

vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-pactwatch-path": "/as-of-sources" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
}));
vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), connection: async () => {} }));

const database = useTestDatabase();
const HOSTILE = ["2019-02-30", "\u0000", "2019-11-22T25:00", "9".repeat(500)];
const recorded = (instant: Date) => ({ instant, axis: "recorded" as const });
const known = (iso: string) => ({ instant: new Date(iso), axis: "known" as const });
const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

let analyst: TSignedInActor;
let beforeSeed: Date;
let before: Date;
let between: Date;
let correctedId: string;
let wrongSourceId: string;
let rightSourceId: string;
let lateSourceId: string;
let lateCitingId: string;

beforeAll(async () => {
  beforeSeed = new Date();
  await pause();
  await seedDemoData(database.db);
  analyst = await createTestUser(database.db, "ANALYST", "Sources Analyst");
  for (const code of ["QQA", "QQB"]) await database.db.party.create({ data: { code, name: `Testland ${code}`, kind: "STATE" } });
  const slug = await createTestAgreement(database.db, analyst, { partyCodes: ["QQA", "QQB"] });
  wrongSourceId = (await makeSource(database.db, { title: "The wrong report" })).id;
  rightSourceId = (await makeSource(database.db, { title: "The right report" })).id;
  lateSourceId = (await makeSource(database.db, { title: "A later report", publishedAt: new Date("2019-11-25T00:00:00Z"), publishedPrecision: "DAY" })).id;
  await pause();
  before = new Date();
  await pause();
  const cite = (sourceId: string, quote: string) => [{ url: "", sourceId, credibility: "2", locator: "p. 1", quote }];
  correctedId = (await logStatusChange(analyst, logInput(`agreement:${slug}`, { headline: "First wording", citations: cite(wrongSourceId, "the first quote") }))).id;
  lateCitingId = (await logStatusChange(analyst, logInput(`agreement:${slug}`, { headline: "Reported later", occurredOn: "2019-11-22", citations: cite(lateSourceId, "later") }))).id;
  await pause();
  between = new Date();
  await pause();
  const entry = await getStatusChange(analyst, correctedId);
  await editStatusChange(
    analyst,
    ZEditStatusChange.parse({
      ...entry.formValues,
      id: correctedId,
      version: String(entry.record.version),
      intent: "save",
      headline: "Corrected wording",
      citations: cite(rightSourceId, "the right quote"),
      changeKind: "CORRECTION",
      correctionType: "WRONG_OR_MISSING_SOURCE",
      reason: "The first report was about another pact.",
    }),
  );
}, 180_000);

const render = renderPublicPage;

/** Internal links without the asOf, other than those to pages that read none (methodology, desk) and the banner's "what changed since". */
function linksWithoutAsOf(html: string): string[] {
  return [...html.matchAll(/href="(\/[^"]*)"/g)]
    .map((match) => match[1]!.replace(/&amp;/g, "&"))
    .filter((href) => !href.includes("asOf=") && !href.startsWith("/methodology") && !href.startsWith("/desk") && !href.startsWith("/changes?since="));
}

const citing = async (id: string, asOf?: Parameters<typeof getSource>[2]) => (await getSource(null, id, asOf)) as TSourcePage;

describe("a source page as of an instant", () => {
  it("lists only the developments that cited it then, each in its version then", async () => {
    const atBefore = await citing(wrongSourceId, recorded(before));
    expect([atBefore.citedBy, atBefore.citedByTotal, atBefore.notYet]).toEqual([[], 0, "uncited"]);
    const atBetween = await citing(wrongSourceId, recorded(between));
    expect(atBetween.citedBy.map((entry) => [entry.id, entry.headline, entry.quote])).toEqual([[correctedId, "First wording", "the first quote"]]);
    expect(atBetween.notYet).toBeNull();
    // Corrected for the wrong source: the wrong one cites nothing now, the right one the new version.
    expect((await citing(wrongSourceId)).citedBy).toEqual([]);
    expect((await citing(rightSourceId, recorded(between))).notYet).toBe("uncited");
    expect((await citing(rightSourceId)).citedBy.map((entry) => [entry.headline, entry.quote])).toEqual([["Corrected wording", "the right quote"]]);
    expect((await citing(rightSourceId, recorded(new Date()))).citedBy.map((entry) => entry.headline)).toEqual(["Corrected wording"]);
  });

  it("on the known axis, a source published after the instant was not yet published", async () => {
    const early = await citing(lateSourceId, known("2019-11-24T12:00:00Z"));
    expect([early.citedByTotal, early.notYet]).toEqual([0, "unpublished"]);
    const late = await citing(lateSourceId, known("2019-11-27T00:00:00Z"));
    expect(late.citedBy.map((entry) => entry.id)).toEqual([lateCitingId]);
  });

  it("renders the banner, says plainly that it was not yet cited, and keeps asOf on its links", async () => {
    const html = await render("sources/[id]/page", { id: wrongSourceId }, { asOf: before.toISOString(), axis: "recorded" });
    expect(html).toContain("The record as Pactwatch recorded it on");
    expect(html).toContain("This source was not yet cited on");
    expect(html).toMatch(/<form[^>]*method="get"/);
    expect(linksWithoutAsOf(html)).toEqual([`/sources/${wrongSourceId}`]);
    const then = await render("sources/[id]/page", { id: wrongSourceId }, { asOf: between.toISOString(), axis: "recorded" });
    expect(then).toContain("First wording");
    expect(then).not.toContain("Corrected wording");
    expect(linksWithoutAsOf(then)).toEqual([`/sources/${wrongSourceId}`]);
    expect(await render("sources/[id]/page", { id: lateSourceId }, { asOf: "2019-11-24" })).toContain("This source was not yet published on");
    expect(await render("sources/[id]/page", { id: wrongSourceId }, { asOf: "2019-02-30" })).toContain("That date could not be read");
  });

  it("the list leaves out sources published after the instant and counts what cited each then", async () => {
    const early = await listSources(null, { q: "later report" }, { asOf: known("2019-11-24T12:00:00Z") });
    expect(early.items.map((source) => source.id)).not.toContain(lateSourceId);
    const wrong = async (asOf?: ReturnType<typeof recorded>) => (await listSources(null, { q: "wrong report" }, { asOf })).items.find((source) => source.id === wrongSourceId)?.citations;
    expect([await wrong(recorded(before)), await wrong(recorded(between)), await wrong(recorded(new Date()))]).toEqual([0, 1, 0]);
    const html = await render("sources/page", {}, { asOf: between.toISOString(), axis: "recorded", q: "wrong report" });
    expect(html).toContain("The record as Pactwatch recorded it on");
    expect(html).toContain('name="asOf" value="' + between.toISOString() + '"');
    expect(linksWithoutAsOf(html)).toEqual(["/sources"]);
  });

  it("the source APIs answer as of the instant, keep it on their links, and refuse what they cannot read with 422", async () => {
    const detail = await callRoute(sourceApi, "GET", { params: { id: wrongSourceId }, query: { asOf: between.toISOString(), axis: "recorded" } });
    expect(detail.status).toBe(200);
    expect(detail.json!.data.citedBy.map((entry: { headline: string }) => entry.headline)).toEqual(["First wording"]);
    expect(detail.json!.data.asOf).toEqual({ instant: between.toISOString(), axis: "recorded" });
    expect(detail.json!.data.citedBy[0].href).toContain("asOf=");
    const notYet = await callRoute(sourceApi, "GET", { params: { id: lateSourceId }, query: { asOf: "2019-11-24" } });
    expect(notYet.json!.data.notYet).toBe("unpublished");
    const list = await callRoute(sourcesApi, "GET", { query: { q: "wrong report", asOf: between.toISOString(), axis: "recorded" } });
    expect(list.json!.data.find((source: { id: string }) => source.id === wrongSourceId).citations).toBe(1);
    expect(list.json!.asOf.axis).toBe("recorded");
    expect((await callRoute(sourceApi, "GET", { params: { id: wrongSourceId } })).json!.data.asOf).toBeNull();
    for (const asOf of HOSTILE) {
      const answers = await Promise.all([
        callRoute(sourceApi, "GET", { params: { id: wrongSourceId }, query: { asOf } }),
        callRoute(sourcesApi, "GET", { query: { asOf } }),
        callRoute(partiesApi, "GET", { query: { asOf } }),
        callRoute(mirrorApi, "GET", { params: { pair: "JPN-KOR" }, query: { asOf } }),
      ]);
      expect(answers.map((answer) => answer.status), asOf).toEqual([422, 422, 422, 422]);
      expect(answers.every((answer) => answer.headers.get("content-type")?.startsWith("application/problem+json")), asOf).toBe(true);
    }
  });
});

describe("the party and relation indexes as of an instant", () => {
  const testland = async (asOf?: ReturnType<typeof recorded>) => (await listParties(null, { q: "QQA", scope: "all" }, { asOf })).items.find((party) => party.code === "QQA")?.agreements;

  it("count only the agreements and measures on the record then", async () => {
    expect([await testland(recorded(before)), await testland(recorded(between)), await testland()]).toEqual([0, 1, 1]);
    // "Involved" reads the record then: Testland had nothing tracked before its first development.
    expect((await listParties(null, { q: "QQA" }, { asOf: recorded(before) })).items).toEqual([]);
    // On the demo: Japan's measures of July 2019 were not yet known in June.
    const japan = async (asOf?: ReturnType<typeof known>) => (await listParties(null, { q: "JPN" }, { asOf })).items.find((party) => party.code === "JPN")?.measures ?? 0;
    expect(await japan(known("2019-06-01T00:00:00Z"))).toBe(0);
    expect(await japan()).toBeGreaterThan(0);
    const answer = await callRoute(partiesApi, "GET", { query: { q: "QQA", scope: "all", asOf: before.toISOString(), axis: "recorded" } });
    expect(answer.json!.data[0]).toMatchObject({ code: "QQA", agreements: 0 });
    expect(answer.json!.data[0].links.page).toContain("asOf=");
  });

  it("the parties page and the relation picker show the banner and keep asOf", async () => {
    const html = await render("parties/page", {}, { asOf: "2019-11-22T12:00+09:00" });
    expect(html).toContain("The record as it was known on 22 November 2019, 03:00 UTC");
    expect(linksWithoutAsOf(html)).toEqual(["/parties"]);
    const picker = await render("relations/page", {}, { asOf: "2019-11-22T12:00+09:00" });
    expect(picker).toContain("The record as it was known on");
    expect(picker).toContain('name="asOf" value="2019-11-22T03:00:00.000Z"');
    expect(linksWithoutAsOf(picker)).toEqual(["/relations"]);
    expect(await render("parties/page", {}, { asOf: "2019-02-30" })).toContain("That date could not be read");
  });
});

describe("the mirror view as of an instant", () => {
  const JPN_KOR = ["JPN", "KOR"] as const;

  it("pairs only the measures on the record then, with the liftings known then", async () => {
    expect((await getMirror(null, JPN_KOR, recorded(beforeSeed))).totalMeasures).toBe(0);
    expect((await getMirror(null, JPN_KOR, known("2019-06-01T00:00:00Z"))).totalMeasures).toBe(0);
    const autumn = await getMirror(null, JPN_KOR, known("2019-09-30T00:00:00Z"));
    const now = await getMirror(null, JPN_KOR);
    expect(autumn.pairs.length).toBeGreaterThan(0);
    expect(autumn.totalMeasures).toBeLessThanOrEqual(now.totalMeasures);
    const lifted = (mirror: typeof now) => mirror.pairs.flatMap((pair) => [pair.original.liftedOn, pair.answer.liftedOn]).filter(Boolean);
    expect(lifted(autumn)).toEqual([]);
    expect(lifted(now).length).toBeGreaterThan(0);
  });

  it("the page and its API carry the banner, the asOf and its links", async () => {
    const html = await render("relations/[pair]/mirror/page", { pair: "JPN-KOR" }, { asOf: "2019-09-30" });
    expect(html).toContain("The record as it was known on 30 September 2019, 23:59 UTC");
    expect(linksWithoutAsOf(html)).toEqual(["/relations/JPN-KOR/mirror"]);
    expect(await render("relations/[pair]/mirror/page", { pair: "JPN-KOR" }, { asOf: "2019-02-30" })).toContain("That date could not be read");
    const answer = await callRoute(mirrorApi, "GET", { params: { pair: "JPN-KOR" }, query: { asOf: "2019-06-01" } });
    expect(answer.status).toBe(200);
    expect(answer.json!.data).toMatchObject({ totalMeasures: 0, asOf: { instant: "2019-06-01T23:59:59.999Z", axis: "known" } });
    expect(answer.json!.data.links.relation).toContain("asOf=");
  });
});
