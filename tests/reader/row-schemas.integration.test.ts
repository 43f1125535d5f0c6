import { ZRunBoundaryRow } from "../../lib/server/rows/history-row";
import { asOfRunBoundarySql } from "../../lib/server/as-of-skeleton-sql";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { seedDemoData } from "../../prisma/seed/seed-database";
import { Prisma } from "../../lib/generated/prisma/client";
import { getAgreement } from "../../lib/server/agreements/get-agreement";
import { acquireExportSlot } from "../../lib/server/exports/export-slots";
import { listAgreements } from "../../lib/server/agreements/list-agreements";
import { lockRow } from "../../lib/server/desk/conflict-error";
import { getFeedSubject } from "../../lib/server/feeds/get-feed-subject";
import { historyEntriesSql } from "../../lib/server/history-sql";
import { getMeasure } from "../../lib/server/measures/get-measure";
import { listMeasures } from "../../lib/server/measures/list-measures";
import { countByStatus } from "../../lib/server/overview/count-by-status";
import { listPendingDeadlines } from "../../lib/server/overview/list-pending-deadlines";
import { getParty } from "../../lib/server/parties/get-party";
import { listParties } from "../../lib/server/parties/list-parties";
import { getRelation } from "../../lib/server/relations/get-relation";
import { getMirror } from "../../lib/server/relations/get-mirror";
import { ZHistoryRow } from "../../lib/server/rows/history-row";
import { runWriteTransaction } from "../../lib/server/write-transaction";
import { parseRows, queryRows, RowShapeError, rowsCheckedBy } from "../../lib/server/rows/parse-rows";
import { ZTotalRow } from "../../lib/server/rows/source-rows";
import { getSource } from "../../lib/server/sources/get-source";
import { listDuplicateCandidates } from "../../lib/server/sources/list-duplicate-candidates";
import { listSources } from "../../lib/server/sources/list-sources";
import { lockSource } from "../../lib/server/sources/source-record";
import { getPublishedChange } from "../../lib/server/status-changes/get-published-change";
import { listPublishedChanges } from "../../lib/server/status-changes/list-published-changes";
import { lockStatusChange } from "../../lib/server/status-changes/status-change-record";
import { lockUserForAdministration } from "../../lib/server/users/user-record";
import { createTestUser } from "../support/users";
import { logStatusChange } from "../../lib/server/status-changes/log-status-change";
import { retractStatusChange } from "../../lib/server/status-changes/retract-status-change";
import { listCorrections } from "../../lib/server/corrections/list-corrections";
import { listCorrectedSubjects } from "../../lib/server/corrections/list-corrected-subjects";
import { listChangesSince } from "../../lib/server/changes/list-changes-since";
import { createSubscription } from "../../lib/server/subscriptions/create-subscription";
import { fanOutDevelopment } from "../../lib/server/subscriptions/fan-out-development";
import { planDeadlineReminders } from "../../lib/server/subscriptions/plan-deadline-reminders";
import { ZCreateSubscription } from "../../lib/schemas/subscription";
import { logInput } from "../support/desk-factories";
import { useTestDatabase } from "../support/test-database";
import { claimIdempotencyKey } from "../../lib/server/api/idempotency";
import { authenticateApiToken } from "../../lib/server/api-tokens/authenticate-api-token";
import { createApiToken } from "../../lib/server/api-tokens/create-api-token";

// Every row schema of lib/server/rows meets real rows from this database (the server, or embedded
// PGlite when no TEST_DATABASE_URL is set: `npm test` runs both), through the use cases that own
// the queries, and the conversions it makes agree with what Prisma's own client reads.

const database = useTestDatabase();
const now = new Date("2026-11-29T12:00:00Z");

const rowModules = import.meta.glob<Record<string, unknown>>(["../../lib/server/rows/*.ts", "!**/*.test.ts"], { eager: true });
/** Every exported row schema (the ones with a family name; column pieces have none). */
const rowSchemas = Object.entries(rowModules).flatMap(([file, exports]) =>
  Object.entries(exports)
    .filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType && entry[1].description !== undefined)
    .map(([name, schema]) => ({ name: `${file.split("/").pop()} ${name}`, schema })),
);

beforeAll(async () => {
  await seedDemoData(database.db);
});

describe("row schemas", () => {
  it("each parse real rows of their query", async () => {
    const admin = await createTestUser(database.db, "ADMIN");
    const history = await listPublishedChanges(null, { agreement: "gsomia" }, { now, limit: 50 });
    await getPublishedChange(null, history.entries[0]!.id, now);
    await getAgreement(null, "gsomia", now);
    const measures = await listMeasures(null, {}, { now });
    await getMeasure(null, measures.items[0]!.slug, now);
    await listAgreements(null, {}, { now });
    await getParty(null, "KOR", now);
    await listParties(null);
    await getRelation(null, ["JPN", "KOR"], now);
    await getMirror(null, ["JPN", "KOR"]);
    // The asOf skeleton's run boundary, read only when a long history is cut (decision 029).
    const gsomia = await database.db.agreement.findUniqueOrThrow({ where: { slug: "gsomia" }, select: { id: true } });
    const asOf = { instant: new Date("2019-11-22T03:00:00Z"), axis: "known" as const };
    parseRows(ZRunBoundaryRow, await database.db.$queryRaw(asOfRunBoundarySql("agreementId", Prisma.sql`${gsomia.id}::uuid`, asOf, asOf.instant, "NOTICE_GIVEN")));
    await countByStatus(null, now);
    // Before GSOMIA's termination was due: a scheduled change ahead and a renewing agreement.
    await listPendingDeadlines(null, { now: new Date("2019-09-01T00:00:00Z") });
    const sources = await listSources(null);
    await getSource(null, sources.items[0]!.id);
    // As of an instant a source counts what cited it then (ZSourceAsOfCountRow, decision 040).
    await getSource(null, sources.items[0]!.id, asOf);
    await listDuplicateCandidates(admin);
    // An API request reads its token and the token's owner in one row (ZApiTokenOwnerRow).
    await expect(authenticateApiToken(`Bearer ${(await createApiToken(admin, { name: "row schemas" })).secret}`)).resolves.toMatchObject({ id: admin.id });
    await getFeedSubject(null, { kind: "relation", codes: ["KOR", "JPN"] });
    await (await acquireExportSlot("address:192.0.2.1")).release();
    // The first claim of a key returns the claimed row, the second the stored one.
    await claimIdempotencyKey(admin.id, "row-schemas", "0".repeat(64));
    await expect(claimIdempotencyKey(admin.id, "row-schemas", "0".repeat(64))).rejects.toMatchObject({ code: "CONFLICT" });
    await runWriteTransaction(async (tx) => {
      expect(await lockRow(tx, "Agreement", "slug", "gsomia")).toBe(true);
      await lockStatusChange(tx, history.entries[0]!.id);
      await lockSource(tx, sources.items[0]!.id, "share");
      await lockUserForAdministration(tx, admin.id);
    }, { database: database.db });
    // A publish citing a registered source share-locks it through ZLockedSourceRow.
    const analyst = await createTestUser(database.db, "ANALYST");
    // A subscriber of GSOMIA, so that the publish's fan-out (run here, without a worker) finds and records one delivery.
    await createSubscription(admin, ZCreateSubscription.parse({ subjectKind: "AGREEMENT", subject: "gsomia", rule: "ANY_DEVELOPMENT", channel: "FEED" }));
    // A daily digest's delivery opens its digest (ZOpenDigestRow); a deadline subscription's plan
    // reads the terms and the scheduled termination ahead (ZAgreementTermsRow, ZScheduledDevelopmentRow).
    await createSubscription(admin, ZCreateSubscription.parse({ subjectKind: "AGREEMENT", subject: "gsomia", rule: "ANY_DEVELOPMENT", channel: "EMAIL", timing: "DAILY_DIGEST", digestHour: "8", digestTimeZone: "Asia/Seoul" }));
    await createSubscription(admin, ZCreateSubscription.parse({ subjectKind: "AGREEMENT", subject: "gsomia", rule: "DEADLINE_APPROACHING", ruleDays: "30", channel: "EMAIL" }));
    // A saved search the publish matches: the fan-out reads it (ZSearchCandidateRow) and tests it (ZMatchedSearchRow).
    await createSubscription(admin, ZCreateSubscription.parse({ subjectKind: "SEARCH", filters: "q=gsomia&party=KOR", rule: "ANY_DEVELOPMENT", channel: "FEED" }));
    expect(await planDeadlineReminders({ agreementId: gsomia.id }, new Date("2019-09-01T00:00:00Z"))).not.toHaveLength(0);
    const logged = await logStatusChange(analyst, logInput("agreement:gsomia", { citations: [{ url: "", sourceId: sources.items[0]!.id, credibility: "2", locator: "p. 1", quote: "" }] }));
    expect(await fanOutDevelopment({ statusChangeId: logged.id, kind: "PUBLISHED", entryVersion: 1, statusBefore: null })).toEqual({ deliveries: 3 });
    // A retraction puts a row in the corrections log (ZCorrectionRow, ZCorrectedSubjectRow).
    await retractStatusChange(admin, { id: logged.id, version: 1, reason: "Row schemas" });
    await listCorrections(null, {});
    await listChangesSince(null, { since: new Date(0) });
    await listCorrectedSubjects(null);

    expect(rowSchemas.length).toBeGreaterThan(20);
    const unchecked = rowSchemas.filter(({ schema }) => rowsCheckedBy(schema) === 0).map(({ name }) => name);
    expect(unchecked).toEqual([]);
  });

  it("convert counts and instants inside json as Prisma's client reads them", async () => {
    const parties = await listParties(null);
    expect(parties.total).toBe(await database.db.party.count({ where: { OR: [{ agreements: { some: {} } }, { measuresImposed: { some: {} } }, { measuresTargeted: { some: {} } }] } }));

    const agreement = await getAgreement(null, "gsomia", now);
    const stored = await database.db.statusChange.findMany({ where: { agreement: { slug: "gsomia" }, state: "PUBLISHED" } });
    const scheduled = agreement.skeleton.find((change) => change.effectiveAt !== null)!;
    expect(scheduled.effectiveAt).toEqual(stored.find((change) => change.id === scheduled.id)!.effectiveAt);
    for (const change of agreement.skeleton) expect(change.occurredAt).toEqual(stored.find((row) => row.id === change.id)!.occurredAt);

    const { entries } = await listPublishedChanges(null, { agreement: "gsomia" }, { now, limit: 50 });
    const cited = entries.flatMap((entry) => entry.citations).find((citation) => citation.source.publishedAt !== null)!;
    const source = await database.db.source.findUniqueOrThrow({ where: { id: cited.source.id } });
    expect(cited.source.publishedAt).toEqual(source.publishedAt);
  });

  it("read instants inside json right whatever the session's time zone", async () => {
    const page = Prisma.sql`SELECT sc.* FROM "StatusChange" sc JOIN "Agreement" a ON a.id = sc."agreementId" WHERE a.slug = 'gsomia' AND sc.state = 'PUBLISHED'`;
    const inUtc = await queryRows(database.db, ZHistoryRow, historyEntriesSql(page, "effective", now));
    const inTokyo = await runWriteTransaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL TimeZone = 'Asia/Tokyo'`;
      const raw = await tx.$queryRaw(historyEntriesSql(page, "effective", now));
      // The json really does carry +09:00 offsets then.
      expect(JSON.stringify(raw)).toMatch(/\+09:00/);
      return parseRows(ZHistoryRow, raw);
    }, { database: database.db });
    expect(inTokyo.flatMap((row) => row.citations)).toEqual(inUtc.flatMap((row) => row.citations));
    expect(inTokyo.flatMap((row) => row.citations).some((citation) => citation.source.publishedAt instanceof Date)).toBe(true);
  });

  it("refuse a row of another shape, naming the column", async () => {
    // count(*) without ::int is a bigint; ZTotalRow wants the int the source page casts to.
    const uncast = queryRows(database.db, ZTotalRow, Prisma.sql`SELECT count(*) AS total FROM "Party"`);
    await expect(uncast).rejects.toBeInstanceOf(RowShapeError);
    await expect(queryRows(database.db, ZTotalRow, Prisma.sql`SELECT count(*) AS total FROM "Party"`)).rejects.toThrow(
      /^total row: row 0, column "total": .*expected number, received bigint/,
    );
    await expect(queryRows(database.db, ZTotalRow, Prisma.sql`SELECT 1::int AS count`)).rejects.toThrow(/column "total"/);
  });
});
