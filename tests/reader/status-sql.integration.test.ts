import { describe, expect, it } from "vitest";
import { Prisma } from "../../lib/generated/prisma/client";
import { AGREEMENT_STATUSES } from "../../lib/domain/statuses";
import { deriveStatus } from "../../lib/domain/status-derivation";
import { statusTimeline } from "../../lib/domain/status-timeline";
import { seedStates } from "../../prisma/seed/seed-database";
import { currentStatusJoin, currentStatusOnlyJoin, isCancelledSql } from "../../lib/server/status-sql";
import { listPendingDeadlines } from "../../lib/server/overview/list-pending-deadlines";
import { listPublishedChanges } from "../../lib/server/status-changes/list-published-changes";
import { useTestDatabase } from "../support/test-database";
import { BASE, DAY, makeRandomAgreement, seededRandom, type TRandomSubject } from "../support/random-history";
import { effectiveTimeOf } from "../../lib/domain/status-order";

// The status rules are written twice: in lib/domain (for one subject's page) and in SQL (the
// functions of the migration status_rules, for lists of many subjects). This file holds the SQL
// to the domain on random histories, with runs of a restated status, and again after edits,
// retractions and deletions that the "cancelledFrom" triggers must follow.

const database = useTestDatabase();
const { random, pick } = seededRandom(20191122);

type TSubject = TRandomSubject;

async function makeRandomAgreements(count: number): Promise<TSubject[]> {
  const subjects: TSubject[] = [];
  for (let index = 0; index < count; index++) {
    // Half the subjects draw from two statuses, so runs of a restated status are common.
    const statuses = index % 2 === 0 ? AGREEMENT_STATUSES : AGREEMENT_STATUSES.slice(1, 3);
    subjects.push(await makeRandomAgreement(database.db, { random, pick }, { slug: `random-${index}`, maxChanges: 10, scheduleSpreadDays: 60, statuses }));
  }
  return subjects;
}

/** Compares pw_current_status and the pending deadlines with deriveStatus at several instants; returns how many statuses were restatements. */
async function expectCurrentStatusesAgree(subjects: TSubject[]): Promise<number> {
  const instants = [-10, 15, 40, 80, 120, 160, 199, 230, 400].map((days) => new Date(BASE + days * DAY + 3_600_000));
  let restated = 0;
  for (const now of instants) {
    const rows = await database.db.$queryRaw<{ id: string; currentId: string | null; currentStatus: string | null; sinceId: string | null; currentSince: Date | null }[]>`
      SELECT a.id, current."currentId", current."currentStatus", current."sinceId", current."currentSince"
      FROM "Agreement" a ${currentStatusJoin("agreementId", Prisma.sql`a.id`, now)} WHERE a.slug LIKE 'random-%'`;
    // The status-only join (filters, counts) reads the same first step of pw_current_status.
    const statusOnly = await database.db.$queryRaw<{ id: string; currentStatus: string | null }[]>`
      SELECT a.id, current."currentStatus" FROM "Agreement" a ${currentStatusOnlyJoin("agreementId", Prisma.sql`a.id`, now)} WHERE a.slug LIKE 'random-%'`;
    const deadlines = await listPendingDeadlines(null, { now });
    for (const subject of subjects) {
      const expected = deriveStatus(subject.history, now);
      const row = rows.find((candidate) => candidate.id === subject.id)!;
      expect({ id: row.currentId, status: row.currentStatus, sinceId: row.sinceId, since: row.currentSince?.getTime() ?? null }, `${subject.id} at ${now.toISOString()}`).toEqual({
        id: expected.current?.changeId ?? null,
        status: expected.current?.status ?? null,
        sinceId: expected.current?.sinceChangeId ?? null,
        since: expected.current?.since.getTime() ?? null,
      });
      expect(statusOnly.find((candidate) => candidate.id === subject.id)!.currentStatus, `${subject.id} at ${now.toISOString()}`).toBe(expected.current?.status ?? null);
      if (expected.current && expected.current.sinceChangeId !== expected.current.changeId) restated += 1;
      const pendingIds = new Set(subject.history.map((entry) => entry.id));
      const sqlPending = deadlines.filter((deadline) => deadline.kind === "scheduled-change" && pendingIds.has(deadline.changeId));
      expect(sqlPending.map((deadline) => deadline.kind === "scheduled-change" && deadline.changeId).sort()).toEqual(expected.pending.map((entry) => entry.changeId).sort());
    }
  }
  return restated;
}

// The random histories, made on first need by whichever test runs first, so each test also
// passes alone (-t). The seeded generator makes them the same either way.
let made: Promise<TSubject[]> | undefined;
const randomHistories = () => (made ??= seedStates(database.db).then(() => makeRandomAgreements(40)));

describe("status rules in SQL agree with lib/domain", () => {
  it("on the current status, its since, the pending deadlines and the schedule marks of random histories", async () => {
    const subjects = await randomHistories();
    const restated = await expectCurrentStatusesAgree(subjects);
    // Runs of a restated status were compared, not only single changes.
    expect(restated).toBeGreaterThan(5);
  });

  it("follows edits, publications, retractions and deletions of cancelling and cancelled changes", async () => {
    await randomHistories();
    const subjects = await database.db.agreement.findMany({ where: { slug: { startsWith: "random-" } }, select: { id: true } });
    expect(subjects).toHaveLength(40);
    const changes = await database.db.statusChange.findMany({ where: { agreementId: { in: subjects.map((subject) => subject.id) } }, orderBy: { id: "asc" } });
    const scheduled = changes.filter((change) => change.effectiveAt);
    let cancelledBefore = await database.db.statusChange.count({ where: { cancelledFrom: { not: null } } });
    expect(cancelledBefore).toBeGreaterThan(0);
    // Retracting every change that cancels a schedule clears its "cancelledFrom"; publishing one
    // of them again restores it, from when that change happened.
    const target = changes.find((change) => change.cancelledFrom !== null)!;
    const cancellers = changes.filter((change) => change.cancelsId === target.id && change.state === "PUBLISHED");
    expect(cancellers.length).toBeGreaterThan(0);
    for (const canceller of cancellers) {
      await database.db.statusChange.update({ where: { id: canceller.id }, data: { state: "RETRACTED", retractedAt: new Date(), retractionReason: "a test retraction" } });
    }
    expect((await database.db.statusChange.findUniqueOrThrow({ where: { id: target.id } })).cancelledFrom).toBeNull();
    const valid = cancellers.find((canceller) => canceller.effectiveTime <= target.effectiveAt!)!;
    await database.db.statusChange.update({ where: { id: valid.id }, data: { state: "PUBLISHED", retractedAt: null, retractionReason: null } });
    expect((await database.db.statusChange.findUniqueOrThrow({ where: { id: target.id } })).cancelledFrom).toEqual(
      new Date(Math.min(valid.occurredAt.getTime(), valid.effectiveTime.getTime())),
    );
    for (const change of changes.filter((candidate) => candidate.cancelsId || candidate.effectiveAt)) {
      const move = Math.floor(random() * 5);
      if (move === 0 && change.state === "PUBLISHED") {
        await database.db.statusChange.update({ where: { id: change.id }, data: { state: "RETRACTED", retractedAt: new Date(), retractionReason: "a test retraction" } });
      } else if (move === 1 && change.state === "DRAFT") {
        await database.db.statusChange.update({ where: { id: change.id }, data: { state: "PUBLISHED", publishedAt: new Date() } });
      } else if (move === 2) {
        const effectiveAt = new Date(change.occurredAt.getTime() + (Math.floor(random() * 60) - 5) * DAY);
        await database.db.statusChange.update({ where: { id: change.id }, data: { effectiveAt, effectiveTime: effectiveTimeOf({ effectiveAt, occurredAt: change.occurredAt }) } });
      } else if (move === 3) {
        const targets = scheduled.filter((target) => target.agreementId === change.agreementId && target.id !== change.id);
        await database.db.statusChange.update({ where: { id: change.id }, data: { cancelsId: targets.length ? pick(targets).id : null } });
      } else if (change.cancelsId && change.state === "DRAFT" && !(await database.db.statusChange.count({ where: { cancelsId: change.id } }))) {
        await database.db.citation.deleteMany({ where: { statusChangeId: change.id } });
        await database.db.statusChange.delete({ where: { id: change.id } });
      }
    }
    const after = await database.db.statusChange.findMany({
      where: { agreementId: { in: subjects.map((subject) => subject.id) } },
      select: { id: true, agreementId: true, status: true, state: true, occurredAt: true, effectiveAt: true, cancelsId: true, createdAt: true },
    });
    cancelledBefore = await database.db.statusChange.count({ where: { cancelledFrom: { not: null } } });
    expect(cancelledBefore).toBeGreaterThan(0);
    await expectCurrentStatusesAgree(subjects.map(({ id }) => ({ id, history: after.filter((change) => change.agreementId === id) })));
  });

  it("marks cancelled and pending schedules in histories as the domain does", async () => {
    await randomHistories();
    const subjects = await database.db.agreement.findMany({ where: { slug: { startsWith: "random-" } }, select: { slug: true, id: true } });
    // Without the random histories every loop below would check nothing.
    expect(subjects).toHaveLength(40);
    const checked = { cancelled: 0, pending: 0, tookEffect: 0, drawnCancelled: 0 };
    // Day 100 alone has no pending schedule among these histories: more instants and subjects add some.
    for (const now of [15, 40, 80, 100, 120, 160].map((days) => new Date(BASE + days * DAY))) {
      for (const { slug, id } of subjects) {
        const history = await database.db.statusChange.findMany({
          where: { agreementId: id },
          select: { id: true, status: true, state: true, occurredAt: true, effectiveAt: true, cancelsId: true, createdAt: true },
        });
        const expected = deriveStatus(history, now);
        const { entries } = await listPublishedChanges(null, { agreement: slug }, { limit: 100, now });
        for (const entry of entries.filter((candidate) => candidate.state === "PUBLISHED" && candidate.effectiveAt)) {
          const isCancelled = expected.cancelled.some((cancelled) => cancelled.changeId === entry.id);
          const isPending = expected.pending.some((pending) => pending.changeId === entry.id);
          if (isCancelled) {
            expect(entry.schedule).toBe("cancelled");
            checked.cancelled += 1;
          } else if (isPending) {
            expect(entry.schedule).toBe("pending");
            checked.pending += 1;
          } else if (entry.occurredAt <= now || entry.effectiveTime <= now) {
            expect(entry.schedule).toBe("took-effect");
            checked.tookEffect += 1;
          }
        }
        // The timeline never draws a cancelled change.
        const drawn = new Set(statusTimeline(history, now).bands.map((band) => band.changeId));
        for (const cancelled of expected.cancelled) {
          expect(drawn.has(cancelled.changeId)).toBe(false);
          checked.drawnCancelled += 1;
        }
      }
    }
    // Every branch above was exercised at least once (the histories are seeded, so this is stable).
    expect(checked.cancelled, JSON.stringify(checked)).toBeGreaterThan(0);
    expect(checked.pending, JSON.stringify(checked)).toBeGreaterThan(0);
    expect(checked.tookEffect, JSON.stringify(checked)).toBeGreaterThan(0);
    expect(checked.drawnCancelled, JSON.stringify(checked)).toBeGreaterThan(0);
  });

  it("keeps the cancellation rule usable on its own", async () => {
    await randomHistories();
    const [cancelled] = await database.db.statusChange.findMany({ where: { cancelledFrom: { not: null } }, take: 1 });
    expect(cancelled).toBeDefined();
    const at = (instant: Date) => database.db.$queryRaw<{ id: string }[]>`
      SELECT sc.id FROM "StatusChange" sc WHERE sc.id = ${cancelled!.id}::uuid AND ${isCancelledSql("sc", instant)}`;
    expect(await at(cancelled!.cancelledFrom!)).toHaveLength(1);
    expect(await at(new Date(cancelled!.cancelledFrom!.getTime() - 1))).toHaveLength(0);
  });
});
