import pg from "pg";
import { createElement } from "react";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as changesApi } from "../../app/api/v1/changes/route";
import { runAsActor } from "../../lib/server/auth/actor-context";
import { ZEditStatusChange, ZRetractStatusChange } from "../../lib/schemas/status-change";
import { listChangesSince } from "../../lib/server/changes/list-changes-since";
import { addedSinceSql } from "../../lib/server/changes/changes-since-sql";
import type { TSignedInActor } from "../../lib/server/permissions";
import { editStatusChange } from "../../lib/server/status-changes/edit-status-change";
import { getStatusChange } from "../../lib/server/status-changes/get-status-change";
import { logStatusChange } from "../../lib/server/status-changes/log-status-change";
import { retractStatusChange } from "../../lib/server/status-changes/retract-status-change";
import { createTestAgreement, createTestUser, logInput } from "../support/desk-factories";
import { renderPublicPage } from "../support/render-page";
import { useTestDatabase } from "../support/test-database";

// "What changed since" (issue 12 item 2, decision 036): entries logged, corrected and retracted in
// the test, compared with /changes, its API and the keyset pages.

vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-pactwatch-path": "/changes" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
}));
vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), connection: async () => {} }));

const database = useTestDatabase();
let analyst: TSignedInActor;
let before: Date;
let between: Date;
let keptId: string;
let correctedId: string;
let retractedId: string;
let earlierId: string;

const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

async function edit(id: string, changes: Record<string, unknown>) {
  const entry = await getStatusChange(analyst, id);
  return editStatusChange(analyst, ZEditStatusChange.parse({ ...entry.formValues, id, version: String(entry.record.version), intent: "save", ...changes }));
}

beforeAll(async () => {
  analyst = await createTestUser(database.db, "ANALYST", "Since Analyst");
  const admin = await createTestUser(database.db, "ADMIN", "Since Admin");
  const slug = await createTestAgreement(database.db, analyst);
  earlierId = (await logStatusChange(analyst, logInput(`agreement:${slug}`, { occurredOn: "2019-11-20" }))).id;
  await pause();
  before = new Date();
  await pause();
  keptId = (await logStatusChange(analyst, logInput(`agreement:${slug}`, { occurredOn: "2019-11-21" }))).id;
  await edit(earlierId, { occurredOn: "2019-11-19", changeKind: "CORRECTION", correctionType: "WRONG_DATE", reason: "It was the 19th." });
  await pause();
  between = new Date();
  await pause();
  correctedId = (await logStatusChange(analyst, logInput(`agreement:${slug}`, { occurredOn: "2019-11-22" }))).id;
  await edit(correctedId, { occurredOn: "2019-11-23", changeKind: "CORRECTION", correctionType: "WRONG_DATE", reason: "Announced on 23 November." });
  await edit(correctedId, { headline: "Reworded only", changeKind: "CLARIFICATION", reason: "Wording." });
  retractedId = (await logStatusChange(analyst, logInput(`agreement:${slug}`, { occurredOn: "2019-11-24" }))).id;
  await retractStatusChange(admin, ZRetractStatusChange.parse({ id: retractedId, version: "1", reason: "Logged against the wrong agreement." }));
}, 120_000);

describe("what changed since an instant", () => {
  it("lists what was added, corrected and retracted after it, newest first; clarifications and earlier work stay out", async () => {
    const { items } = await listChangesSince(null, { since: between });
    expect(items.map((item) => [item.kind, item.kind === "ADDED" ? item.entry.id : item.correction.entry.id])).toEqual([
      ["RETRACTION", retractedId],
      ["ADDED", retractedId],
      ["CORRECTION", correctedId],
      ["ADDED", correctedId],
    ]);
    const correction = items.find((item) => item.kind === "CORRECTION");
    expect(correction?.kind === "CORRECTION" && [correction.correction.correctionType, correction.correction.reason]).toEqual(["WRONG_DATE", "Announced on 23 November."]);
    const retracted = items.find((item) => item.kind === "ADDED" && item.entry.id === retractedId);
    expect(retracted?.kind === "ADDED" && retracted.entry.state).toBe("RETRACTED");

    const wider = await listChangesSince(null, { since: before });
    expect(wider.items.map((item) => (item.kind === "ADDED" ? item.entry.id : item.correction.entry.id))).toEqual([retractedId, retractedId, correctedId, correctedId, earlierId, keptId]);
    expect(wider.items.some((item) => item.kind === "ADDED" && item.entry.id === earlierId)).toBe(false);
  });

  it("pages by keyset without losing or repeating a change", async () => {
    const all = (await listChangesSince(null, { since: before, limit: 100 })).items.map((item) => `${item.kind}:${item.id}`);
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listChangesSince(null, { since: before, limit: 2, cursor });
      paged.push(...page.items.map((item) => `${item.kind}:${item.id}`));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(paged).toEqual(all);
  });

  it("reads the added developments along the published index", async () => {
    // A handful of rows plans anything; with scans and sorts priced out, the plan shows the
    // statement walks the index in its order, as it must at a million changes.
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      for (const setting of ["enable_seqscan", "enable_bitmapscan", "enable_sort"]) await client.query(`SET ${setting} = off`);
      const statement = addedSinceSql(before, undefined, 26);
      const result = await client.query(`EXPLAIN (FORMAT JSON) ${statement.text}`, statement.values as unknown[]);
      const plan = JSON.stringify(result.rows[0]);
      expect(plan).toContain("StatusChange_published_idx");
      expect(plan).not.toMatch(/"Node Type":"Seq Scan","[^}]*"Relation Name":"StatusChange"/);
    } finally {
      // The embedded database is one session: the settings would outlive this connection.
      for (const setting of ["enable_seqscan", "enable_bitmapscan", "enable_sort"]) await client.query(`RESET ${setting}`);
      await client.end();
    }
  });

  it("answers the same through the API, and a hostile since with 422, never a 500", async () => {
    const call = (query: string) => runAsActor(null, () => changesApi(new Request(`http://pactwatch.test/api/v1/changes${query}`), { params: Promise.resolve({}) }));
    const answer = await call(`?since=${encodeURIComponent(between.toISOString())}`);
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { since: string; data: { kind: string; correction?: { correctionType: string | null } }[] };
    expect(body.since).toBe(between.toISOString());
    expect(body.data.map((item) => item.kind)).toEqual(["RETRACTION", "ADDED", "CORRECTION", "ADDED"]);
    for (const query of ["", "?since=", "?since=2019-02-30", "?since=%00", `?since=${"9".repeat(500)}`, "?since=2019-11-22T25:00", "?since=2019-11-22&cursor=%21", "?since=2019-11-22&limit=0"]) {
      expect((await call(query)).status, query).toBe(422);
    }
  });

  it("renders /changes without JavaScript: the GET form, the list, and the banner links here", async () => {
    const render = (search: Record<string, string>) => renderPublicPage("changes/page", {}, search);
    const html = await render({ since: between.toISOString() });
    expect(html).toMatch(/<form[^>]*method="get"/);
    expect(html).toContain("Announced on 23 November.");
    expect(html).toContain("since retracted");
    expect(html).not.toContain("It was the 19th.");
    expect(await render({ since: "2019-02-30" })).toContain("That date could not be read");
    const { AsOfBanner } = await import("../../components/as-of-banner");
    const { renderToStaticMarkup } = await import("react-dom/server");
    const banner = renderToStaticMarkup(createElement(AsOfBanner, { asOf: { instant: new Date("2019-11-22T03:00:00Z"), axis: "known" }, timeZone: "Asia/Seoul", presentHref: "/" }));
    expect(banner).toContain('href="/changes?since=2019-11-22T03%3A00%3A00.000Z"');
  });
});
