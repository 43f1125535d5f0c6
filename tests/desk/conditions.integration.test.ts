import { beforeAll, describe, expect, it } from "vitest";
import { ZAddCondition, ZRecordConditionState } from "../../lib/schemas/condition";
import { addCondition } from "../../lib/server/conditions/add-condition";
import { listSubjectConditions } from "../../lib/server/conditions/list-subject-conditions";
import { recordConditionState } from "../../lib/server/conditions/record-condition-state";
import type { TSignedInActor } from "../../lib/server/permissions";
import { logStatusChange } from "../../lib/server/status-changes/log-status-change";
import { retractStatusChange } from "../../lib/server/status-changes/retract-status-change";
import { createTestAgreement, createTestUser, logInput } from "../support/desk-factories";
import { useTestDatabase } from "../support/test-database";
import { refusal } from "../support/refusal";

const database = useTestDatabase();
let analyst: TSignedInActor;
let admin: TSignedInActor;
let reader: TSignedInActor;
let slug: string;
let otherSlug: string;

const YONHAP = "https://m-en.yna.co.kr/view/AEN20191122008800315";
const WTOP = "https://wtop.com/europe/2020/07/trade-dispute-panel-set-up-for-south-korea-japan-case/";

beforeAll(async () => {
  analyst = await createTestUser(database.db, "ANALYST", "Ana Lyst");
  admin = await createTestUser(database.db, "ADMIN", "Ad Min");
  reader = await createTestUser(database.db, "READER");
  slug = await createTestAgreement(database.db, analyst, { shortName: "GSOMIA" });
  otherSlug = await createTestAgreement(database.db, analyst);
});

async function development(intent: "publish" | "draft" = "publish"): Promise<string> {
  return (await logStatusChange(analyst, logInput(`agreement:${slug}`, { intent }))).id;
}

const addForm = (statusChangeId: string, overrides: Record<string, unknown> = {}) => ({
  statusChangeId,
  statement: "South Korea suspends its WTO complaint while the export-control dialogue continues",
  dependsOn: `agreement:${otherSlug}`,
  state: "HOLDING",
  occurredOn: "2019-11-22",
  timeZone: "Asia/Seoul",
  citations: [{ url: YONHAP, title: "S. Korea conditionally suspends GSOMIA expiry", publisher: "Yonhap", credibility: "1", quote: "conditionally" }],
  ...overrides,
});
const stateForm = (conditionId: string, version: number, overrides: Record<string, unknown> = {}) => ({
  conditionId,
  version: String(version),
  state: "BREACHED",
  note: "Seoul resumes its WTO case.",
  occurredOn: "2020-06-02",
  timeZone: "Asia/Seoul",
  citations: [{ url: WTOP, title: "Trade dispute panel set up", publisher: "WTOP (AP)", credibility: "2" }],
  ...overrides,
});

describe("conditions", () => {
  it("adds a condition with its first cited state, a revision and an audit event; the reader sees it on a published development", async () => {
    const changeId = await development();
    const added = await addCondition(analyst, ZAddCondition.parse(addForm(changeId)));
    expect(added).toMatchObject({ version: 1, statusChangeId: changeId });

    const stored = await database.db.condition.findUniqueOrThrow({ where: { id: added.id }, include: { states: { include: { citations: { include: { source: true } } } } } });
    expect(stored.dependsOnAgreementId).not.toBeNull();
    expect(stored.states).toHaveLength(1);
    expect(stored.states[0]!.occurredAt.toISOString()).toBe("2019-11-21T15:00:00.000Z");
    expect(stored.states[0]!.citations[0]!.source.url).toBe(YONHAP);
    const revisions = await database.db.revision.findMany({ where: { entityType: "Condition", entityId: added.id } });
    expect(revisions.map((revision) => revision.version)).toEqual([1]);
    const events = await database.db.auditEvent.findMany({ where: { entityType: "Condition", entityId: added.id } });
    expect(events.map((event) => event.action)).toEqual(["condition:add"]);

    const shown = await listSubjectConditions(null, { agreement: slug });
    expect(shown.find((condition) => condition.id === added.id)).toMatchObject({ currentState: "HOLDING", isLive: true, dependsOn: { kind: "AGREEMENT", slug: otherSlug } });
    // It is also listed on the page of what it depends on.
    expect((await listSubjectConditions(reader, { agreement: otherSlug })).map((condition) => condition.id)).toContain(added.id);
  });

  it("records a breach at the version it was opened at, and refuses a second recorder with a conflict, writing nothing", async () => {
    const changeId = await development();
    const { id } = await addCondition(analyst, ZAddCondition.parse(addForm(changeId, { dependsOn: "" })));
    const breached = await recordConditionState(analyst, ZRecordConditionState.parse(stateForm(id, 1)));
    expect(breached).toMatchObject({ version: 2, id });

    const before = await database.db.conditionStateChange.count();
    const conflict = await refusal(recordConditionState(admin, ZRecordConditionState.parse(stateForm(id, 1, { state: "MET" }))));
    expect(conflict.code).toBe("CONFLICT");
    expect(conflict.details).toMatchObject({ currentVersion: 2, current: { state: "BREACHED", occurredOn: "2020-06-02" }, savedBy: "Ana Lyst" });
    expect(await database.db.conditionStateChange.count()).toBe(before);

    // A later state makes the history longer; the breach stays in it.
    await recordConditionState(admin, ZRecordConditionState.parse(stateForm(id, 2, { state: "LAPSED", occurredOn: "2023-03-16" })));
    const [shown] = await listSubjectConditions(null, { statusChangeId: changeId });
    expect(shown!.states.map((entry) => entry.state)).toEqual(["HOLDING", "BREACHED", "LAPSED"]);
    expect(shown).toMatchObject({ currentState: "LAPSED", isLive: false });
    const revisions = await database.db.revision.findMany({ where: { entityType: "Condition", entityId: id }, orderBy: { version: "asc" } });
    expect(revisions.map((revision) => revision.version)).toEqual([1, 2, 3]);
    expect((revisions[2]!.snapshot as { states: unknown[] }).states).toHaveLength(3);
  });

  it("keeps states append-only in the database", async () => {
    const changeId = await development();
    const { id } = await addCondition(analyst, ZAddCondition.parse(addForm(changeId, { dependsOn: "" })));
    await expect(database.db.conditionStateChange.updateMany({ where: { conditionId: id }, data: { note: "rewritten" } })).rejects.toThrow(/append-only/);
  });

  it("refuses readers, uncited states, future dates and unknown dependencies, each beside its field", async () => {
    const changeId = await development();
    expect((await refusal(addCondition(reader, ZAddCondition.parse(addForm(changeId))))).code).toBe("FORBIDDEN");
    expect((await refusal(addCondition(null, ZAddCondition.parse(addForm(changeId))))).code).toBe("UNAUTHENTICATED");

    const uncited = ZAddCondition.safeParse(addForm(changeId, { citations: [], occurredOn: "2999-01-01" }));
    expect(uncited.success).toBe(false);
    const paths = uncited.error!.issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["citations", "occurredOn"]));

    const unknown = await refusal(addCondition(analyst, ZAddCondition.parse(addForm(changeId, { dependsOn: "measure:no-such-measure" }))));
    expect(unknown.code).toBe("INVALID_INPUT");
    expect(unknown.fieldErrors.dependsOn?.[0]).toMatch(/no-such-measure/);
  });

  it("hides conditions of drafts and retracted developments from readers, and refuses new ones on a retracted development", async () => {
    const draftId = await development("draft");
    await addCondition(analyst, ZAddCondition.parse(addForm(draftId, { dependsOn: "" })));
    expect(await listSubjectConditions(null, { statusChangeId: draftId })).toEqual([]);

    const publishedId = await development();
    await addCondition(analyst, ZAddCondition.parse(addForm(publishedId, { dependsOn: "" })));
    await retractStatusChange(admin, { id: publishedId, version: 1, reason: "Wrong pact" });
    expect(await listSubjectConditions(null, { statusChangeId: publishedId })).toEqual([]);
    expect((await refusal(addCondition(analyst, ZAddCondition.parse(addForm(publishedId))))).code).toBe("INVALID_INPUT");
    // An id that is no uuid is simply not found.
    expect((await refusal(listSubjectConditions(null, { statusChangeId: "x" }))).code).toBe("NOT_FOUND");
  });
});
