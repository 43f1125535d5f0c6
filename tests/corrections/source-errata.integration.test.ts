import { beforeAll, describe, expect, it } from "vitest";
import { POST as errataRoute } from "../../app/api/v1/status-changes/[id]/errata/route";
import { ZEditStatusChange, ZMarkSourceErratum } from "../../lib/schemas/status-change";
import { listCorrections } from "../../lib/server/corrections/list-corrections";
import type { TSignedInActor } from "../../lib/server/permissions";
import { editStatusChange } from "../../lib/server/status-changes/edit-status-change";
import { getPublishedChange } from "../../lib/server/status-changes/get-published-change";
import { getStatusChange } from "../../lib/server/status-changes/get-status-change";
import { logStatusChange } from "../../lib/server/status-changes/log-status-change";
import { markSourceErratum } from "../../lib/server/status-changes/mark-source-erratum";
import { wrongAndNow } from "../../lib/domain/revision-text";
import { callRoute } from "../api/call-route";
import { CLARIFICATION, countWrites, createTestAgreement, createTestUser, logInput } from "../support/desk-factories";
import { useTestDatabase } from "../support/test-database";
import { createTestToken } from "../support/users";
import { refusal } from "../support/refusal";

// Issue 12 step 4: an analyst marks a citation "the source erred: …"; it is a new version,
// audited, shown beside the citation and listed in the corrections log, and it stays through edits.

const database = useTestDatabase();
let analyst: TSignedInActor;
let slug: string;
const ERRATUM = "Gives 7 August 2019, the promulgation date, as the effective date; the order took effect on 28 August.";

beforeAll(async () => {
  analyst = await createTestUser(database.db, "ANALYST", "Errata Analyst");
  slug = await createTestAgreement(database.db, analyst);
});

async function publishedWithSource() {
  const { id } = await logStatusChange(analyst, logInput(`agreement:${slug}`));
  const citation = await database.db.citation.findFirstOrThrow({ where: { statusChangeId: id }, select: { sourceId: true } });
  return { id, sourceId: citation.sourceId };
}

const mark = (id: string, sourceId: string, version = 1, erratum = ERRATUM) => markSourceErratum(analyst, ZMarkSourceErratum.parse({ id, version: String(version), sourceId, erratum }));

describe("a source erratum", () => {
  it("makes a new version of kind SOURCE_ERRATUM, audited, shown beside the citation and in the corrections log", async () => {
    const { id, sourceId } = await publishedWithSource();
    expect(await mark(id, sourceId)).toMatchObject({ version: 2, state: "PUBLISHED" });
    const revision = await database.db.revision.findFirstOrThrow({ where: { entityId: id, version: 2 } });
    expect([revision.kind, revision.reason]).toEqual(["SOURCE_ERRATUM", ERRATUM]);
    expect(await database.db.auditEvent.count({ where: { entityId: id, action: "citation:erratum" } })).toBe(1);

    const reading = await getPublishedChange(null, id);
    expect(reading.citations[0]?.erratum).toBe(ERRATUM);

    const { items } = await listCorrections(null, { kind: "SOURCE_ERRATUM" });
    const logged = items.find((item) => item.entry.id === id)!;
    expect(wrongAndNow(logged.diff, logged.before, logged.after).now).toEqual([`At Last Minute, South Korea Holds Off on Leaving Intelligence Pact With Japan: the source erred: ${ERRATUM}`]);
  });

  it("stays on the citation through a later edit of the entry", async () => {
    const { id, sourceId } = await publishedWithSource();
    await mark(id, sourceId);
    const entry = await getStatusChange(analyst, id);
    await editStatusChange(analyst, ZEditStatusChange.parse({ ...entry.formValues, ...CLARIFICATION, id, version: String(entry.record.version), intent: "save", headline: "Reworded" }));
    expect((await getPublishedChange(null, id)).citations[0]?.erratum).toBe(ERRATUM);
  });

  it("is refused for a draft, a source the entry does not cite and a stale version, writing nothing", async () => {
    const draft = await logStatusChange(analyst, logInput(`agreement:${slug}`, { intent: "draft" }));
    const { id, sourceId } = await publishedWithSource();
    const writes = await countWrites(database.db);
    expect((await refusal(mark(draft.id, sourceId))).code).toBe("CONFLICT");
    expect((await refusal(mark(id, "0190a0a0-0000-7000-8000-000000000000"))).fieldErrors).toEqual({ sourceId: ["Choose one of the entry's citations"] });
    expect((await refusal(mark(id, sourceId, 7))).code).toBe("CONFLICT");
    expect(await countWrites(database.db)).toEqual(writes);
  });

  it("is marked over the API by an analyst's script", async () => {
    const { id, sourceId } = await publishedWithSource();
    const token = await createTestToken(database.db, analyst.id);
    const answer = await callRoute(errataRoute, "POST", { token, params: { id }, body: { version: 1, sourceId, erratum: ERRATUM } });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ id, version: 2 });
    expect((await callRoute(errataRoute, "POST", { token, params: { id }, body: { version: 2, sourceId, erratum: "" } })).status).toBe(422);
  });
});
