import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as developmentApi } from "../../app/api/v1/status-changes/[id]/get";
import { GET as publicRevisionsApi } from "../../app/api/v1/status-changes/[id]/public-revisions/route";
import RevisionsPage from "../../app/(public)/developments/[id]/revisions/page";
import { ZEditStatusChange, ZRetractStatusChange } from "../../lib/schemas/status-change";
import type { TSignedInActor } from "../../lib/server/permissions";
import { listPublicRevisions } from "../../lib/server/revisions/list-public-revisions";
import { editStatusChange } from "../../lib/server/status-changes/edit-status-change";
import { getStatusChange } from "../../lib/server/status-changes/get-status-change";
import { logStatusChange } from "../../lib/server/status-changes/log-status-change";
import { retractStatusChange } from "../../lib/server/status-changes/retract-status-change";
import { callRoute } from "../api/call-route";
import { createTestAgreement, createTestUser, logInput } from "../support/desk-factories";
import { renderAsReader } from "../support/render-page";
import { useTestDatabase } from "../support/test-database";

// A development's public revision history and its API read as of an instant (issue 12): only the
// versions saved by then, the state and headline as they stood, the development itself in the
// version that stood; links keep the asOf; before the first version, not found; an unreadable
// asOf is a note on the page and a 422 problem in the API.

vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-pactwatch-path": "/developments" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
}));
vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), connection: async () => {} }));

const database = useTestDatabase();
let analyst: TSignedInActor;
let admin: TSignedInActor;
let id: string;
let before: string;
let between: string;
let afterCorrection: string;

const pause = () => new Promise((resolve) => setTimeout(resolve, 25));

const renderPage = (search: Record<string, string>) => renderAsReader(RevisionsPage, { params: { id }, search });

beforeAll(async () => {
  analyst = await createTestUser(database.db, "ANALYST", "Revisions Analyst");
  admin = await createTestUser(database.db, "ADMIN", "Revisions Admin");
  const slug = await createTestAgreement(database.db, analyst);
  await pause();
  before = new Date().toISOString();
  await pause();
  ({ id } = await logStatusChange(analyst, logInput(`agreement:${slug}`, { occurredOn: "2019-11-21", headline: "Seoul keeps the pact, first report" })));
  await pause();
  between = new Date().toISOString();
  await pause();
  const entry = await getStatusChange(analyst, id);
  await editStatusChange(analyst, ZEditStatusChange.parse({
    ...entry.formValues, id, version: String(entry.record.version), intent: "save",
    occurredOn: "2019-11-22", headline: "Seoul keeps the pact", changeKind: "CORRECTION", correctionType: "WRONG_DATE", reason: "Announced on 22 November.",
  }));
  await pause();
  afterCorrection = new Date().toISOString();
  await pause();
  const corrected = await getStatusChange(admin, id);
  await retractStatusChange(admin, ZRetractStatusChange.parse({ id, version: String(corrected.record.version), reason: "A duplicate of another entry." }));
});

describe("the public revision history as of an instant", () => {
  it("lists only the versions saved by then, with the state and headline as they stood", async () => {
    const now = await listPublicRevisions(null, id);
    expect(now.versions.length).toBeGreaterThanOrEqual(3);
    expect(now.entry.state).toBe("RETRACTED");
    for (const axis of ["recorded", "known"] as const) {
      const first = await listPublicRevisions(null, id, { instant: new Date(between), axis });
      expect(first.versions.map((version) => version.version)).toEqual([1]);
      expect(first.entry).toMatchObject({ state: "PUBLISHED", headline: "Seoul keeps the pact, first report" });
      const corrected = await listPublicRevisions(null, id, { instant: new Date(afterCorrection), axis });
      expect(corrected.versions.map((version) => version.kind)).toEqual([null, "CORRECTION"]);
      expect(corrected.entry).toMatchObject({ state: "PUBLISHED", headline: "Seoul keeps the pact" });
    }
    await expect(listPublicRevisions(null, id, { instant: new Date(before), axis: "recorded" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // After the retraction, as of now: retracted, as the present reads it.
    expect((await listPublicRevisions(null, id, { instant: new Date(), axis: "recorded" })).entry.state).toBe("RETRACTED");
  });

  it("answers the same over the API, and the development read gives the version that stood", async () => {
    const revisions = await callRoute(publicRevisionsApi, "GET", { params: { id }, query: { asOf: between, axis: "recorded" } });
    expect(revisions.status).toBe(200);
    expect(revisions.json!.asOf).toEqual({ instant: between, axis: "recorded" });
    expect(revisions.json!.data.versions).toHaveLength(1);
    const present = await callRoute(publicRevisionsApi, "GET", { params: { id } });
    expect(present.json!.asOf).toBeNull();

    const then = await callRoute(developmentApi, "GET", { params: { id }, query: { asOf: between, axis: "recorded" } });
    expect(then.status).toBe(200);
    expect(then.json!.data.headline).toBe("Seoul keeps the pact, first report");
    expect(then.json!.asOf).toEqual({ instant: between, axis: "recorded" });
    const later = await callRoute(developmentApi, "GET", { params: { id }, query: { asOf: afterCorrection, axis: "recorded" } });
    expect(later.json!.data.headline).toBe("Seoul keeps the pact");
    expect((await callRoute(developmentApi, "GET", { params: { id }, query: { asOf: before, axis: "recorded" } })).status).toBe(404);
    expect((await callRoute(developmentApi, "GET", { params: { id } })).json!.data.state).toBe("RETRACTED");

    for (const route of [publicRevisionsApi, developmentApi]) {
      for (const query of [{ asOf: "2019-02-30" }, { axis: "sideways" }] as Record<string, string>[]) {
        const answer = await callRoute(route, "GET", { params: { id }, query });
        expect(answer.status).toBe(422);
        expect(answer.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      }
    }
  });

  it("the page shows the banner, keeps the asOf on its links, and notes an unreadable one", async () => {
    const html = await renderPage({ asOf: between, axis: "recorded" });
    expect(html).toContain("The record as Pactwatch recorded it on");
    expect(html).toContain("Seoul keeps the pact, first report");
    expect(html).not.toContain("Announced on 22 November.");
    const links = [...html.matchAll(/href="(\/(?:developments|agreements|corrections)[^"]*)"/g)].map((match) => match[1]!.replace(/&amp;/g, "&"));
    expect(links.length).toBeGreaterThan(2);
    // Only the banner's "see it as it stands now" leaves the instant.
    expect(links.filter((href) => !href.includes(`asOf=${encodeURIComponent(between)}`))).toEqual([`/developments/${id}/revisions`]);
    const invalid = await renderPage({ asOf: "2019-02-30" });
    expect(invalid).toContain("That date could not be read");
    expect(invalid).toContain("Announced on 22 November.");
  });
});
