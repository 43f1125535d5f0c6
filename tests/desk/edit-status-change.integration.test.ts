import { beforeAll, describe, expect, it } from "vitest";
import { ZEditStatusChange, ZPublishStatusChange, ZRetractStatusChange } from "../../lib/schemas/status-change";
import type { TSignedInActor } from "../../lib/server/permissions";
import { listRevisions } from "../../lib/server/revisions/list-revisions";
import { editStatusChange } from "../../lib/server/status-changes/edit-status-change";
import { getStatusChange } from "../../lib/server/status-changes/get-status-change";
import { logStatusChange } from "../../lib/server/status-changes/log-status-change";
import { publishStatusChange } from "../../lib/server/status-changes/publish-status-change";
import { retractStatusChange } from "../../lib/server/status-changes/retract-status-change";
import { CLARIFICATION, countWrites, createTestAgreement, createTestUser, derivedStatusOf, logForm, logInput } from "../support/desk-factories";
import { useTestDatabase } from "../support/test-database";
import { refusal } from "../support/refusal";

const database = useTestDatabase();
let analyst: TSignedInActor;
let otherAnalyst: TSignedInActor;
let admin: TSignedInActor;
let reader: TSignedInActor;
let slug: string;

beforeAll(async () => {
  analyst = await createTestUser(database.db, "ANALYST", "First Analyst");
  otherAnalyst = await createTestUser(database.db, "ANALYST", "Second Analyst");
  admin = await createTestUser(database.db, "ADMIN", "The Admin");
  reader = await createTestUser(database.db, "READER");
  slug = await createTestAgreement(database.db, analyst);
});

/** The edit form as it posts: the entry's current values with some changed. */
async function editForm(actor: TSignedInActor, id: string, changes: Record<string, unknown>, version?: number) {
  const entry = await getStatusChange(actor, id);
  return ZEditStatusChange.parse({ ...entry.formValues, ...CLARIFICATION, id, version: String(version ?? entry.record.version), intent: "save", ...changes });
}

describe("editing a published entry", () => {
  it("saves the change, keeps a revision per save and an audit event with before and after", async () => {
    const { id } = await logStatusChange(analyst, logInput(`agreement:${slug}`));
    const saved = await editStatusChange(otherAnalyst, await editForm(otherAnalyst, id, { headline: "GSOMIA kept alive, for now" }));
    expect(saved).toMatchObject({ state: "PUBLISHED", version: 2 });

    const revisions = await listRevisions(analyst, "StatusChange", id);
    expect(revisions.map((revision) => [revision.version, revision.savedBy])).toEqual([
      [1, "First Analyst"],
      [2, "Second Analyst"],
    ]);
    expect(revisions[1]?.changes).toEqual([{ field: "headline", before: "GSOMIA extended provisionally", after: "GSOMIA kept alive, for now" }]);

    const event = await database.db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "status-change:edit" } });
    expect(event.actorId).toBe(otherAnalyst.id);
    expect((event.before as { headline: string }).headline).toBe("GSOMIA extended provisionally");
    expect((event.after as { headline: string }).headline).toBe("GSOMIA kept alive, for now");
  });

  it("refuses a stale version with a conflict that carries their version, writing nothing", async () => {
    const { id } = await logStatusChange(analyst, logInput(`agreement:${slug}`));
    const mine = await editForm(analyst, id, { headline: "Mine" });
    const theirs = await editForm(otherAnalyst, id, { headline: "Theirs", body: "Their body" });
    await editStatusChange(otherAnalyst, theirs);

    const writes = await countWrites(database.db);
    const error = await refusal(editStatusChange(analyst, mine));
    expect(error.code).toBe("CONFLICT");
    expect(error.details).toMatchObject({ currentVersion: 2, savedBy: "Second Analyst", current: { headline: "Theirs", body: "Their body" } });
    expect(await countWrites(database.db)).toEqual(writes);
    expect((await database.db.statusChange.findUniqueOrThrow({ where: { id } })).headline).toBe("Theirs");
  });

  it("refuses removing the last citation of a published entry", async () => {
    const { id } = await logStatusChange(analyst, logInput(`agreement:${slug}`));
    const writes = await countWrites(database.db);
    const error = await refusal(editStatusChange(analyst, await editForm(analyst, id, { citations: [] })));
    expect(error.fieldErrors.citations).toEqual(["Add at least one citation before publishing"]);
    expect(await countWrites(database.db)).toEqual(writes);
  });

  it("refuses a status the subject cannot take, beside the status field", async () => {
    const { id } = await logStatusChange(analyst, logInput(`agreement:${slug}`));
    const error = await refusal(editStatusChange(analyst, await editForm(analyst, id, { status: "LIFTED" })));
    expect(error.fieldErrors.status?.[0]).toBe(
      "An agreement cannot be ‘Lifted’: choose Negotiating, Signed, In force, Notice given, Provisionally extended, Suspended, Terminated or Restored",
    );
  });

  it("refuses readers", async () => {
    const { id } = await logStatusChange(analyst, logInput(`agreement:${slug}`));
    const input = await editForm(analyst, id, { headline: "Reader's try" });
    const writes = await countWrites(database.db);
    expect((await refusal(editStatusChange(reader, input))).code).toBe("FORBIDDEN");
    expect((await refusal(editStatusChange(null, input))).code).toBe("UNAUTHENTICATED");
    expect(await countWrites(database.db)).toEqual(writes);
  });
});

describe("drafts", () => {
  it("are edited by their author, by admins, and by no other analyst", async () => {
    const { id } = await logStatusChange(analyst, logInput(`agreement:${slug}`, { intent: "draft" }));
    const writes = await countWrites(database.db);
    const error = await refusal(editStatusChange(otherAnalyst, await editForm(otherAnalyst, id, { headline: "Not mine" })));
    expect(error.code).toBe("FORBIDDEN");
    expect(await countWrites(database.db)).toEqual(writes);

    await editStatusChange(analyst, await editForm(analyst, id, { headline: "Still a draft" }));
    await editStatusChange(admin, await editForm(admin, id, { headline: "Tidied by the admin" }));
    const entry = await database.db.statusChange.findUniqueOrThrow({ where: { id } });
    expect(entry).toMatchObject({ state: "DRAFT", version: 3, headline: "Tidied by the admin" });
    expect(await database.db.revision.count({ where: { entityId: id } })).toBe(0);
  });

  it("are published by a save with intent publish, or as they stand; never without a citation", async () => {
    const bare = await logStatusChange(analyst, logInput(`agreement:${slug}`, { intent: "draft", citations: [] }));
    const writes = await countWrites(database.db);
    const error = await refusal(publishStatusChange(analyst, ZPublishStatusChange.parse({ id: bare.id, version: "1" })));
    expect(error.fieldErrors.citations).toEqual(["Add at least one citation before publishing"]);
    expect(await countWrites(database.db)).toEqual(writes);

    const published = await editStatusChange(analyst, await editForm(analyst, bare.id, { intent: "publish", citations: logForm("").citations }));
    expect(published).toMatchObject({ state: "PUBLISHED", version: 2 });

    const cited = await logStatusChange(analyst, logInput(`agreement:${slug}`, { intent: "draft", headline: "Cited draft" }));
    const result = await publishStatusChange(analyst, ZPublishStatusChange.parse({ id: cited.id, version: "1" }));
    expect(result).toMatchObject({ state: "PUBLISHED", version: 2 });
    expect((await listRevisions(analyst, "StatusChange", cited.id)).map((revision) => revision.version)).toEqual([2]);
    expect(await database.db.auditEvent.count({ where: { entityId: cited.id, action: "status-change:publish" } })).toBe(1);
  });
});

describe("retraction", () => {
  it("marks the entry, keeps it, and stops it counting for the current status", async () => {
    const agreement = await createTestAgreement(database.db, analyst);
    const first = await logStatusChange(analyst, logInput(`agreement:${agreement}`, { status: "NOTICE_GIVEN", occurredOn: "2019-08-23" }));
    const second = await logStatusChange(analyst, logInput(`agreement:${agreement}`));
    expect((await derivedStatusOf(database.db, agreement)).current?.changeId).toBe(second.id);

    const result = await retractStatusChange(admin, ZRetractStatusChange.parse({ id: second.id, version: "1", reason: "The report was misread" }));
    expect(result).toMatchObject({ state: "RETRACTED", version: 2 });
    const entry = await database.db.statusChange.findUniqueOrThrow({ where: { id: second.id } });
    expect(entry).toMatchObject({ state: "RETRACTED", retractedById: admin.id, retractionReason: "The report was misread" });
    expect((await derivedStatusOf(database.db, agreement)).current?.changeId).toBe(first.id);
    expect(await database.db.auditEvent.count({ where: { entityId: second.id, action: "status-change:retract" } })).toBe(1);
    expect((await listRevisions(admin, "StatusChange", second.id)).at(-1)?.changes.map((change) => change.field)).toEqual(
      expect.arrayContaining(["state", "retractedAt", "retractedById", "retractionReason"]),
    );

    const error = await refusal(editStatusChange(analyst, await editForm(analyst, second.id, { headline: "Revive it" })));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/retracted/);
  });

  it("is for admins only, needs a reason, and is refused for drafts and stale versions", async () => {
    const { id } = await logStatusChange(analyst, logInput(`agreement:${slug}`));
    const writes = await countWrites(database.db);
    expect((await refusal(retractStatusChange(analyst, ZRetractStatusChange.parse({ id, version: "1", reason: "x" })))).code).toBe("FORBIDDEN");
    expect(ZRetractStatusChange.safeParse({ id, version: "1", reason: "   " }).error?.issues[0]?.message).toBe("Say why the entry is retracted: readers see the reason");
    expect((await refusal(retractStatusChange(admin, ZRetractStatusChange.parse({ id, version: "7", reason: "stale" })))).code).toBe("CONFLICT");
    const draft = await logStatusChange(analyst, logInput(`agreement:${slug}`, { intent: "draft" }));
    const afterDraft = await countWrites(database.db);
    expect((await refusal(retractStatusChange(admin, ZRetractStatusChange.parse({ id: draft.id, version: "1", reason: "no" })))).code).toBe("CONFLICT");
    expect(await countWrites(database.db)).toEqual(afterDraft);
    expect(afterDraft.statusChanges).toBe(writes.statusChanges + 1);
  });
});
