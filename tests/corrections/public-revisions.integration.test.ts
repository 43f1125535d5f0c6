import { beforeAll, describe, expect, it } from "vitest";
import { GET as publicRevisionsRoute } from "../../app/api/v1/status-changes/[id]/public-revisions/route";
import { ZEditStatusChange } from "../../lib/schemas/status-change";
import { AppError } from "../../lib/server/errors";
import type { TSignedInActor } from "../../lib/server/permissions";
import { listPublicRevisions } from "../../lib/server/revisions/list-public-revisions";
import { editStatusChange } from "../../lib/server/status-changes/edit-status-change";
import { getPublishedChange } from "../../lib/server/status-changes/get-published-change";
import { getStatusChange } from "../../lib/server/status-changes/get-status-change";
import { logStatusChange } from "../../lib/server/status-changes/log-status-change";
import { setPublicCredit } from "../../lib/server/users/set-public-credit";
import { callRoute } from "../api/call-route";
import { createTestAgreement, createTestUser, logInput } from "../support/desk-factories";
import { useTestDatabase } from "../support/test-database";

// Issue 12 step 2: every published development's versions are public, with who (a role, or a
// name where the analyst chose), when, why and what changed; drafts' history is not.

const database = useTestDatabase();
let unnamed: TSignedInActor;
let named: TSignedInActor;
let slug: string;

beforeAll(async () => {
  unnamed = await createTestUser(database.db, "ANALYST", "Private Analyst");
  named = await createTestUser(database.db, "ANALYST", "Named Analyst");
  await setPublicCredit(named, { namedInPublic: true });
  slug = await createTestAgreement(database.db, unnamed);
});

async function edit(actor: TSignedInActor, id: string, changes: Record<string, unknown>) {
  const entry = await getStatusChange(actor, id);
  return editStatusChange(actor, ZEditStatusChange.parse({ ...entry.formValues, id, version: String(entry.record.version), intent: "save", ...changes }));
}

describe("the public revision history", () => {
  it("lists every version with who, when, kind, type, reason and a field-by-field diff, citations included", async () => {
    const { id } = await logStatusChange(unnamed, logInput(`agreement:${slug}`, { occurredOn: "2019-11-21" }));
    await edit(unnamed, id, { occurredOn: "2019-11-22", changeKind: "CORRECTION", correctionType: "WRONG_DATE", reason: "Seoul announced it on 22 November." });
    const entry = await getStatusChange(named, id);
    const citations = entry.formValues.citations.map((citation) => ({ ...citation, quote: "Seoul decided at the last minute" }));
    await edit(named, id, { citations, changeKind: "CLARIFICATION", reason: "A shorter quote." });

    const { versions } = await listPublicRevisions(null, id);
    expect(versions.map((version) => [version.version, version.savedBy, version.kind, version.correctionType])).toEqual([
      [1, "An analyst", null, null],
      [2, "An analyst", "CORRECTION", "WRONG_DATE"],
      [3, "Named Analyst", "CLARIFICATION", null],
    ]);
    expect(versions[1]?.reason).toBe("Seoul announced it on 22 November.");
    expect(versions[1]?.diff.fields.map((change) => change.field)).toEqual(["occurredAt"]);
    expect(versions[2]?.diff).toMatchObject({ fields: [], citations: [{ change: "changed", fields: [{ field: "quote", after: "Seoul decided at the last minute" }] }] });

    const answer = await callRoute(publicRevisionsRoute, "GET", { params: { id } });
    expect(answer.status).toBe(200);
    expect(answer.json!.data.versions[1].summary).toEqual(["Occurred: 21 November 2019 → 22 November 2019"]);
    // Readers never see account ids, emails or the snapshot's bookkeeping.
    for (const secret of [unnamed.id, named.id, unnamed.email, "authorId"]) expect(answer.text).not.toContain(secret);

    const reading = await getPublishedChange(null, id);
    expect(reading.revisions).toMatchObject({ count: 2, corrections: 1 });
  });

  it("has none for a draft, on the page and over the API", async () => {
    const { id } = await logStatusChange(unnamed, logInput(`agreement:${slug}`, { intent: "draft" }));
    const error = await listPublicRevisions(null, id).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("NOT_FOUND");
    expect((await callRoute(publicRevisionsRoute, "GET", { params: { id } })).status).toBe(404);
    expect((await callRoute(publicRevisionsRoute, "GET", { params: { id: "not-an-id" } })).status).toBe(404);
  });

  it("records the account's choice to be named, audited", async () => {
    const event = await database.db.auditEvent.findFirstOrThrow({ where: { entityId: named.id, action: "user:public-credit" } });
    expect([event.before, event.after]).toEqual([{ namedInPublic: false }, { namedInPublic: true }]);
  });
});
