import { beforeAll, describe, expect, it } from "vitest";
import { ZEditStatusChange, ZRetractStatusChange } from "../../lib/schemas/status-change";
import type { TSignedInActor } from "../../lib/server/permissions";
import { editStatusChange } from "../../lib/server/status-changes/edit-status-change";
import { getStatusChange } from "../../lib/server/status-changes/get-status-change";
import { logStatusChange } from "../../lib/server/status-changes/log-status-change";
import { retractStatusChange } from "../../lib/server/status-changes/retract-status-change";
import { countWrites, createTestAgreement, createTestUser, logInput } from "../support/desk-factories";
import { useTestDatabase } from "../support/test-database";
import { createTestToken } from "../support/users";
import { callRoute } from "../api/call-route";
import { listRevisions } from "../../lib/server/revisions/list-revisions";
import { GET as deskRevisionsRoute } from "../../app/api/v1/status-changes/[id]/revisions/route";
import { refusal } from "../support/refusal";

// Issue 12 step 1: an edit of a published entry says what kind of change it is and why, and the
// revision keeps it; a draft's edit needs none.

const database = useTestDatabase();
let analyst: TSignedInActor;
let admin: TSignedInActor;
let slug: string;

beforeAll(async () => {
  analyst = await createTestUser(database.db, "ANALYST", "Correcting Analyst");
  admin = await createTestUser(database.db, "ADMIN", "Retracting Admin");
  slug = await createTestAgreement(database.db, analyst);
});

async function editForm(id: string, changes: Record<string, unknown>) {
  const entry = await getStatusChange(analyst, id);
  return ZEditStatusChange.parse({ ...entry.formValues, id, version: String(entry.record.version), intent: "save", ...changes });
}

const revisionsOf = (id: string) => database.db.revision.findMany({ where: { entityId: id }, orderBy: { version: "asc" } });

describe("an edit of a published entry", () => {
  it("is refused without a kind and a reason, naming both fields, and writes nothing", async () => {
    const { id } = await logStatusChange(analyst, logInput(`agreement:${slug}`));
    const writes = await countWrites(database.db);
    const error = await refusal(editStatusChange(analyst, await editForm(id, { headline: "Edited without a reason" })));
    expect(error.code).toBe("INVALID_INPUT");
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["changeKind", "reason"]);
    expect(await countWrites(database.db)).toEqual(writes);
  });

  it("is refused as a correction without its type", async () => {
    const { id } = await logStatusChange(analyst, logInput(`agreement:${slug}`));
    const error = await refusal(editStatusChange(analyst, await editForm(id, { changeKind: "CORRECTION", reason: "The date was wrong." })));
    expect(error.fieldErrors).toEqual({ correctionType: ["Choose what the correction puts right"] });
  });

  it("keeps a correction's kind, type and reason on its revision and in the audit event", async () => {
    const { id } = await logStatusChange(analyst, logInput(`agreement:${slug}`));
    const reason = "The decision was announced on 22 November, not 21 November.";
    await editStatusChange(analyst, await editForm(id, { occurredOn: "2019-11-21", changeKind: "CORRECTION", correctionType: "WRONG_DATE", reason }));
    const revisions = await revisionsOf(id);
    expect(revisions.map((revision) => [revision.version, revision.kind, revision.correctionType, revision.reason])).toEqual([
      [1, null, null, null],
      [2, "CORRECTION", "WRONG_DATE", reason],
    ]);
    const event = await database.db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "status-change:edit" } });
    expect((event.after as { revisionReason: unknown }).revisionReason).toEqual({ kind: "CORRECTION", correctionType: "WRONG_DATE", reason });
    // The desk's revisions (page and API) say why too.
    const desk = await listRevisions(analyst, "StatusChange", id);
    expect(desk.map((revision) => [revision.kind, revision.correctionType, revision.reason])).toEqual([[null, null, null], ["CORRECTION", "WRONG_DATE", reason]]);
    const token = await createTestToken(database.db, analyst.id);
    const answer = await callRoute(deskRevisionsRoute, "GET", { token, params: { id } });
    expect(answer.json!.data[1]).toMatchObject({ kind: "CORRECTION", correctionType: "WRONG_DATE", reason });
  });

  it("records a clarification without a correction type even when the form sent one", async () => {
    const { id } = await logStatusChange(analyst, logInput(`agreement:${slug}`));
    await editStatusChange(analyst, await editForm(id, { headline: "GSOMIA extended, provisionally", changeKind: "CLARIFICATION", correctionType: "WRONG_DATE", reason: "Clearer headline." }));
    const last = (await revisionsOf(id)).at(-1);
    expect([last?.kind, last?.correctionType, last?.reason]).toEqual(["CLARIFICATION", null, "Clearer headline."]);
  });

  it("needs no reason for a draft, whose edits stay without revisions", async () => {
    const { id } = await logStatusChange(analyst, logInput(`agreement:${slug}`, { intent: "draft" }));
    const saved = await editStatusChange(analyst, await editForm(id, { headline: "A draft, reworded" }));
    expect(saved.state).toBe("DRAFT");
    expect(await revisionsOf(id)).toEqual([]);
  });

  it("keeps a retraction's reason on its revision, of kind RETRACTION", async () => {
    const { id } = await logStatusChange(analyst, logInput(`agreement:${slug}`));
    await retractStatusChange(admin, ZRetractStatusChange.parse({ id, version: "1", reason: "The report was withdrawn." }));
    const last = (await revisionsOf(id)).at(-1);
    expect([last?.kind, last?.correctionType, last?.reason]).toEqual(["RETRACTION", null, "The report was withdrawn."]);
  });

  it("refuses in the database a correction without a type or a kinded revision without a reason", async () => {
    const { id } = await logStatusChange(analyst, logInput(`agreement:${slug}`));
    const base = { entityType: "StatusChange", entityId: id, snapshot: {}, actorId: analyst.id };
    await expect(database.db.revision.create({ data: { ...base, version: 90, kind: "CORRECTION", reason: "x" } })).rejects.toThrow(/Revision_correction_type_check/);
    await expect(database.db.revision.create({ data: { ...base, version: 91, kind: "CLARIFICATION", reason: " " } })).rejects.toThrow(/Revision_reason_check/);
  });
});
