import { beforeAll, describe, expect, it } from "vitest";
import { GET as correctionsApi } from "../../app/api/v1/corrections/route";
import { GET as correctionsCsv } from "../../app/exports/corrections.csv/route";
import { GET as correctionsJsonExport } from "../../app/exports/corrections.json/route";
import { GET as correctionsFeed } from "../../app/feeds/corrections.atom/route";
import { runAsActor } from "../../lib/server/auth/actor-context";
import { ZCorrectionsQuery } from "../../lib/schemas/reader-queries";
import { ZEditStatusChange, ZRetractStatusChange } from "../../lib/schemas/status-change";
import { listCorrectedSubjects } from "../../lib/server/corrections/list-corrected-subjects";
import { listCorrections } from "../../lib/server/corrections/list-corrections";
import type { TSignedInActor } from "../../lib/server/permissions";
import { editStatusChange } from "../../lib/server/status-changes/edit-status-change";
import { getStatusChange } from "../../lib/server/status-changes/get-status-change";
import { logStatusChange } from "../../lib/server/status-changes/log-status-change";
import { retractStatusChange } from "../../lib/server/status-changes/retract-status-change";
import { callRoute } from "../api/call-route";
import { readCsvRecords } from "../support/csv";
import { createTestAgreement, createTestUser, logInput } from "../support/desk-factories";
import { useTestDatabase } from "../support/test-database";

// Issue 12 step 3: /corrections lists every correction and retraction (never a clarification),
// newest first, keyset-paged, filtered by kind, type, subject and date, with the same rows in its
// API, Atom feed and CSV/JSON exports.

const database = useTestDatabase();
let analyst: TSignedInActor;
let slug: string;
let otherSlug: string;
let correctedId: string;
let retractedId: string;

const query = (values: Record<string, unknown>) => ZCorrectionsQuery.parse(values);
const read = (handler: (request: Request, context: { params: Promise<object> }) => Promise<Response>, path: string) =>
  runAsActor(null, () => handler(new Request(`http://pactwatch.test${path}`), { params: Promise.resolve({}) }));

async function edit(id: string, changes: Record<string, unknown>) {
  const entry = await getStatusChange(analyst, id);
  return editStatusChange(analyst, ZEditStatusChange.parse({ ...entry.formValues, id, version: String(entry.record.version), intent: "save", ...changes }));
}

beforeAll(async () => {
  analyst = await createTestUser(database.db, "ANALYST", "Log Analyst");
  const admin = await createTestUser(database.db, "ADMIN", "Log Admin");
  slug = await createTestAgreement(database.db, analyst);
  otherSlug = await createTestAgreement(database.db, analyst);
  correctedId = (await logStatusChange(analyst, logInput(`agreement:${slug}`, { occurredOn: "2019-11-21" }))).id;
  await edit(correctedId, { occurredOn: "2019-11-22", changeKind: "CORRECTION", correctionType: "WRONG_DATE", reason: "Announced on 22 November." });
  await edit(correctedId, { headline: "GSOMIA extended, provisionally", changeKind: "CLARIFICATION", reason: "Wording." });
  retractedId = (await logStatusChange(analyst, logInput(`agreement:${otherSlug}`))).id;
  await retractStatusChange(admin, ZRetractStatusChange.parse({ id: retractedId, version: "1", reason: "Logged against the wrong agreement." }));
});

describe("the corrections log", () => {
  it("lists corrections and retractions newest first, with what was wrong and what it is now; clarifications stay out", async () => {
    const { items } = await listCorrections(null, query({}));
    expect(items.map((item) => [item.entry.id, item.kind])).toEqual([
      [retractedId, "RETRACTION"],
      [correctedId, "CORRECTION"],
    ]);
    const correction = items[1]!;
    expect([correction.correctionType, correction.reason, correction.savedBy]).toEqual(["WRONG_DATE", "Announced on 22 November.", "An analyst"]);
    expect(correction.diff.fields.map((field) => field.field)).toEqual(["occurredAt"]);
  });

  it("filters by kind, type, subject and date range, and pages by keyset", async () => {
    const ids = async (values: Record<string, unknown>) => (await listCorrections(null, query(values))).items.map((item) => item.entry.id);
    expect(await ids({ kind: "RETRACTION" })).toEqual([retractedId]);
    expect(await ids({ type: "WRONG_DATE" })).toEqual([correctedId]);
    expect(await ids({ kind: "RETRACTION", type: "WRONG_DATE" })).toEqual([]);
    expect(await ids({ subject: `agreement:${slug}` })).toEqual([correctedId]);
    expect(await ids({ subject: "agreement:no-such-agreement" })).toEqual([]);
    expect(await ids({ from: "2001", to: "2001" })).toEqual([]);
    expect(await ids({ from: String(new Date().getUTCFullYear()) })).toEqual([retractedId, correctedId]);
    const first = await listCorrections(null, query({ limit: 1 }));
    expect(first.nextCursor).not.toBeNull();
    const second = await listCorrections(null, query({ limit: 1, cursor: first.nextCursor }));
    expect([...first.items, ...second.items].map((item) => item.entry.id)).toEqual([retractedId, correctedId]);
    expect(second.nextCursor).toBeNull();
    expect((await listCorrectedSubjects(null)).map((subject) => subject.value).sort()).toEqual([`agreement:${otherSlug}`, `agreement:${slug}`].sort());
  });

  it("answers the same over the API, the Atom feed and the CSV and JSON exports", async () => {
    const api = await callRoute(correctionsApi, "GET", { query: { type: "WRONG_DATE" } });
    expect(api.status).toBe(200);
    expect(api.json!.data).toMatchObject([{ kind: "CORRECTION", correctionType: "WRONG_DATE", wrong: ["Occurred: 21 November 2019"], now: ["Occurred: 22 November 2019"] }]);
    expect((await callRoute(correctionsApi, "GET", { query: { type: "NOT_A_TYPE" } })).status).toBe(422);

    const feed = await read(correctionsFeed, "/feeds/corrections.atom?type=WRONG_DATE");
    expect(feed.headers.get("content-type")).toContain("application/atom+xml");
    const xml = await feed.text();
    expect(xml).toContain("Correction (Wrong date)");
    expect(xml).toContain(`/developments/${correctedId}/revisions#version-2`);

    const csv = readCsvRecords(await (await read(correctionsCsv, "/exports/corrections.csv")).text());
    expect(csv.map((row) => [row.kind, row.correction_type, row.development_id])).toEqual([
      ["RETRACTION", "", retractedId],
      ["CORRECTION", "WRONG_DATE", correctedId],
    ]);
    expect(csv[1]).toMatchObject({ what_was_wrong: "Occurred: 21 November 2019", what_it_is_now: "Occurred: 22 November 2019", reason: "Announced on 22 November." });

    const document = (await (await read(correctionsJsonExport, "/exports/corrections.json?kind=RETRACTION")).json()) as { query: unknown; corrections: { reason: string }[] };
    expect(document.query).toEqual({ kind: "RETRACTION" });
    expect(document.corrections.map((item) => item.reason)).toEqual(["Logged against the wrong agreement."]);
  });
});
