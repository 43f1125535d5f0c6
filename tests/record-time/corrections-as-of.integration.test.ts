import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as correctionsApi } from "../../app/api/v1/corrections/route";
import { GET as correctionsCsv } from "../../app/exports/corrections.csv/route";
import { GET as correctionsJsonExport } from "../../app/exports/corrections.json/route";
import { GET as correctionsFeed } from "../../app/feeds/corrections.atom/route";
import CorrectionsPage from "../../app/(public)/corrections/page";
import { runAsActor } from "../../lib/server/auth/actor-context";
import { ZCorrectionsQuery } from "../../lib/schemas/reader-queries";
import { ZEditStatusChange, ZRetractStatusChange } from "../../lib/schemas/status-change";
import { listCorrections } from "../../lib/server/corrections/list-corrections";
import type { TSignedInActor } from "../../lib/server/permissions";
import { editStatusChange } from "../../lib/server/status-changes/edit-status-change";
import { getStatusChange } from "../../lib/server/status-changes/get-status-change";
import { logStatusChange } from "../../lib/server/status-changes/log-status-change";
import { retractStatusChange } from "../../lib/server/status-changes/retract-status-change";
import { callRoute } from "../api/call-route";
import { readCsvRecords } from "../support/csv";
import { createTestAgreement, createTestUser, logInput } from "../support/desk-factories";
import { renderAsReader } from "../support/render-page";
import { useTestDatabase } from "../support/test-database";

// The corrections log as of an instant (issue 12 item 2, decision 041): the page, its feed, its
// exports and GET /api/v1/corrections list only what was recorded by then, on either axis, with
// the development as it stood then; links keep the asOf; an unreadable asOf is a note on the
// page and a 422 problem in the API, the feed and the exports.

vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-pactwatch-path": "/corrections" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
}));
vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), connection: async () => {} }));

const database = useTestDatabase();
const HOSTILE = ["2019-02-30", "\u0000", "2019-11-22T25:00", "9".repeat(500)];
let analyst: TSignedInActor;
let entryId: string;
let between: string;

const pause = () => new Promise((resolve) => setTimeout(resolve, 25));
const read = (handler: (request: Request, context: { params: Promise<object> }) => Promise<Response>, path: string) =>
  runAsActor(null, () => handler(new Request(`http://pactwatch.test${path}`), { params: Promise.resolve({}) }));

async function edit(id: string, changes: Record<string, unknown>) {
  const entry = await getStatusChange(analyst, id);
  return editStatusChange(analyst, ZEditStatusChange.parse({ ...entry.formValues, id, version: String(entry.record.version), intent: "save", ...changes }));
}

const renderPage = (search: Record<string, string>) => renderAsReader(CorrectionsPage, { search });

beforeAll(async () => {
  analyst = await createTestUser(database.db, "ANALYST", "Log Analyst");
  const admin = await createTestUser(database.db, "ADMIN", "Log Admin");
  const slug = await createTestAgreement(database.db, analyst);
  entryId = (await logStatusChange(analyst, logInput(`agreement:${slug}`, { occurredOn: "2019-11-21", headline: "Seoul keeps GSOMIA alive" }))).id;
  await edit(entryId, { occurredOn: "2019-11-22", changeKind: "CORRECTION", correctionType: "WRONG_DATE", reason: "Announced on 22 November." });
  await pause();
  between = new Date().toISOString();
  await pause();
  // After the instant: a second correction renames it, and then it is retracted.
  await edit(entryId, { headline: "Seoul suspends its GSOMIA notice", changeKind: "CORRECTION", correctionType: "SUSPENSION_CONFUSED_WITH_TERMINATION", reason: "A suspension, not an extension." });
  const entry = await getStatusChange(analyst, entryId);
  await retractStatusChange(admin, ZRetractStatusChange.parse({ id: entryId, version: String(entry.record.version), reason: "Logged against the wrong agreement." }));
});

describe("the corrections log as of an instant", () => {
  it("keeps only what was recorded by then, on both axes, with the entry as it stood; now it has everything", async () => {
    const now = await listCorrections(null, ZCorrectionsQuery.parse({}));
    expect(now.items.map((item) => item.kind)).toEqual(["RETRACTION", "CORRECTION", "CORRECTION"]);
    expect(now.items[2]!.entry).toMatchObject({ state: "RETRACTED", headline: "Seoul suspends its GSOMIA notice" });
    for (const axis of ["known", "recorded"]) {
      const then = await listCorrections(null, ZCorrectionsQuery.parse({ asOf: between, axis }));
      expect(then.items.map((item) => [item.kind, item.correctionType]), axis).toEqual([["CORRECTION", "WRONG_DATE"]]);
      expect(then.items[0]!.entry, axis).toMatchObject({ id: entryId, state: "PUBLISHED", headline: "Seoul keeps GSOMIA alive" });
    }
    // Filters and paging still apply: nothing of that type had been recorded by then.
    expect((await listCorrections(null, ZCorrectionsQuery.parse({ asOf: between, type: "SUSPENSION_CONFUSED_WITH_TERMINATION" }))).items).toEqual([]);
    expect((await listCorrections(null, ZCorrectionsQuery.parse({ asOf: "2001-01-01" }))).items).toEqual([]);
  });

  it("answers the same over the API, with its asOf and links that keep it", async () => {
    const then = await callRoute(correctionsApi, "GET", { query: { asOf: between, axis: "recorded" } });
    expect(then.status).toBe(200);
    expect(then.json!.data.map((item: { correctionType: string }) => item.correctionType)).toEqual(["WRONG_DATE"]);
    expect(then.json!.asOf).toEqual({ instant: between, axis: "recorded" });
    expect(then.json!.data[0].development.url).toContain(`asOf=${encodeURIComponent(between)}&axis=recorded`);
    const now = await callRoute(correctionsApi, "GET", {});
    expect([now.json!.data.length, now.json!.asOf]).toEqual([3, null]);
  });

  it("the feed and the CSV and JSON exports leave out what came after", async () => {
    const query = `?asOf=${encodeURIComponent(between)}`;
    const xml = await (await read(correctionsFeed, `/feeds/corrections.atom${query}`)).text();
    expect(xml).toContain("Correction (Wrong date)");
    expect(xml).not.toContain("Retraction");
    expect(xml).toContain(`/developments/${entryId}?asOf=`);
    const csv = readCsvRecords(await (await read(correctionsCsv, `/exports/corrections.csv${query}`)).text());
    expect(csv.map((row) => row.correction_type)).toEqual(["WRONG_DATE"]);
    const document = (await (await read(correctionsJsonExport, `/exports/corrections.json${query}&axis=recorded`)).json()) as { query: object; corrections: unknown[] };
    expect(document.query).toEqual({ asOf: between, axis: "recorded" });
    expect(document.corrections).toHaveLength(1);
  });

  it("answers an unreadable asOf or axis with 422 problem+json in the API, the feed and the exports", async () => {
    for (const asOf of HOSTILE) {
      const query = `?asOf=${encodeURIComponent(asOf)}`;
      const answers = [
        await callRoute(correctionsApi, "GET", { query: { asOf } }),
        await read(correctionsFeed, `/feeds/corrections.atom${query}`),
        await read(correctionsCsv, `/exports/corrections.csv${query}`),
        await read(correctionsJsonExport, `/exports/corrections.json${query}`),
      ];
      expect(answers.map((answer) => answer.status), asOf).toEqual([422, 422, 422, 422]);
      expect(answers.every((answer) => answer.headers.get("content-type")?.startsWith("application/problem+json")), asOf).toBe(true);
    }
    expect((await callRoute(correctionsApi, "GET", { query: { axis: "sideways" } })).status).toBe(422);
  });

  it("the page shows the banner and the control, lists what stood, keeps the asOf on its links, and notes an unreadable one", async () => {
    const html = await renderPage({ asOf: between, axis: "recorded" });
    expect(html).toContain("The record as Pactwatch recorded it on");
    expect(html).toContain('name="asOf"');
    expect(html).toContain("Seoul keeps GSOMIA alive");
    expect(html).not.toContain("Seoul suspends its GSOMIA notice");
    const links = [...html.matchAll(/href="(\/(?:developments|agreements|feeds|exports)[^"]*)"/g)].map((match) => match[1]!.replace(/&amp;/g, "&"));
    // Every link keeps the instant, the revision histories' included.
    const kept = links;
    expect(kept.filter((href) => href.includes("/revisions")).length).toBeGreaterThan(0);
    expect(kept.length).toBeGreaterThan(3);
    expect(kept.filter((href) => !href.includes(`asOf=${encodeURIComponent(between)}`))).toEqual([]);
    const invalid = await renderPage({ asOf: "2019-02-30" });
    expect(invalid).toContain("That date could not be read");
    expect(invalid).toContain("Seoul suspends its GSOMIA notice");
  });
});
