import { describe, expect, it } from "vitest";
import { seedStates } from "../../prisma/seed/seed-database";
import { useTestDatabase } from "../support/test-database";
import { DAY, makeRandomAgreement, seededRandom } from "../support/random-history";

// DevelopmentYearCount is derived from StatusChange by statement triggers (migration
// development_year_counts, decision 023). This file writes random histories, then moves them
// about as the desk and imports do (publish, retract, redate, change time zone and direction,
// move to another subject, delete, bulk insert) and compares the table with a count of the
// changes themselves after every kind of move.

const database = useTestDatabase();
const { random, pick } = seededRandom(20230815);

type TCount = { subjectId: string; year: number; escalations: number; deEscalations: number; neutral: number };

/** The yearly counts as the trigger keeps them (rows with every count zero left out) and as the changes say. */
async function bothCounts(): Promise<{ kept: TCount[]; counted: TCount[] }> {
  const kept = await database.db.$queryRaw<TCount[]>`
    SELECT "subjectId", year, escalations, "deEscalations", neutral FROM "DevelopmentYearCount"
    WHERE escalations + "deEscalations" + neutral <> 0 ORDER BY 1, 2`;
  const counted = await database.db.$queryRaw<TCount[]>`
    SELECT COALESCE("agreementId", "measureId") AS "subjectId", extract(year FROM "occurredAt" AT TIME ZONE "timeZone")::int AS year,
      (count(*) FILTER (WHERE direction = 'ESCALATION'))::int AS escalations, (count(*) FILTER (WHERE direction = 'DE_ESCALATION'))::int AS "deEscalations",
      (count(*) FILTER (WHERE direction = 'NEUTRAL'))::int AS neutral
    FROM "StatusChange" WHERE state = 'PUBLISHED' GROUP BY 1, 2 ORDER BY 1, 2`;
  return { kept, counted };
}

async function expectCountsAgree(step: string) {
  const { kept, counted } = await bothCounts();
  expect(counted.length, `${step}: some published changes to count`).toBeGreaterThan(0);
  expect(kept, step).toEqual(counted);
}

describe("DevelopmentYearCount", () => {
  it("follows every write to StatusChange, row by row and in bulk", async () => {
    await seedStates(database.db);
    const subjects = [];
    for (let index = 0; index < 12; index++) {
      subjects.push(await makeRandomAgreement(database.db, { random, pick }, { slug: `years-${index}`, maxChanges: 12, scheduleSpreadDays: 400, statuses: ["IN_FORCE", "SUSPENDED"] }));
    }
    await expectCountsAgree("after the random histories");

    const changes = await database.db.statusChange.findMany({ where: { agreementId: { in: subjects.map((subject) => subject.id) } }, orderBy: { id: "asc" } });
    const moves = { publish: 0, retract: 0, redate: 0, zone: 0, direction: 0, subject: 0, remove: 0 };
    for (const change of changes) {
      const move = Math.floor(random() * 7);
      if (move === 0 && change.state !== "PUBLISHED") {
        await database.db.statusChange.update({ where: { id: change.id }, data: { state: "PUBLISHED", publishedAt: new Date() } });
        moves.publish += 1;
      } else if (move === 1 && change.state === "PUBLISHED") {
        await database.db.statusChange.update({ where: { id: change.id }, data: { state: "RETRACTED", retractedAt: new Date(), retractionReason: "a test retraction" } });
        moves.retract += 1;
      } else if (move === 2) {
        // Across a year boundary, so the change leaves one year's row for another's.
        const occurredAt = new Date(change.occurredAt.getTime() + 400 * DAY);
        await database.db.statusChange.update({ where: { id: change.id }, data: { occurredAt, effectiveTime: change.effectiveAt && change.effectiveAt > occurredAt ? change.effectiveAt : occurredAt, effectiveAt: change.effectiveAt && change.effectiveAt > occurredAt ? change.effectiveAt : null } });
        moves.redate += 1;
      } else if (move === 3) {
        // 1 January 00:30 UTC is still the old year in New York.
        const occurredAt = new Date(Date.UTC(2020, 0, 1, 0, 30));
        await database.db.statusChange.update({ where: { id: change.id }, data: { occurredAt, timeZone: pick(["America/New_York", "Asia/Tokyo", "UTC"]), effectiveAt: null, effectiveTime: occurredAt } });
        moves.zone += 1;
      } else if (move === 4) {
        await database.db.statusChange.update({ where: { id: change.id }, data: { direction: pick(["ESCALATION", "DE_ESCALATION", "NEUTRAL"] as const) } });
        moves.direction += 1;
      } else if (move === 5) {
        await database.db.statusChange.update({ where: { id: change.id }, data: { agreementId: pick(subjects).id, cancelsId: null } });
        moves.subject += 1;
      } else if (move === 6 && !(await database.db.statusChange.count({ where: { cancelsId: change.id } }))) {
        await database.db.citation.deleteMany({ where: { statusChangeId: change.id } });
        await database.db.statusChange.delete({ where: { id: change.id } });
        moves.remove += 1;
      }
    }
    // Every kind of move happened (the generator is seeded, so this is stable).
    for (const [move, times] of Object.entries(moves)) expect(times, `${move}: ${JSON.stringify(moves)}`).toBeGreaterThan(0);
    await expectCountsAgree("after the moves");

    // One statement over many rows of many subjects and years: a bulk insert, update and delete.
    const [first, second] = subjects;
    await database.db.$executeRaw`
      INSERT INTO "StatusChange" (id, "updatedAt", "agreementId", status, headline, "occurredAt", "effectiveTime", direction, state, "publishedAt")
      SELECT gen_random_uuid(), now(), (ARRAY[${first!.id}::uuid, ${second!.id}::uuid])[1 + n % 2], 'IN_FORCE', 'bulk ' || n, timestamptz '2018-06-01' + n * interval '40 days',
        timestamptz '2018-06-01' + n * interval '40 days', (ARRAY['ESCALATION', 'DE_ESCALATION', 'NEUTRAL']::"Direction"[])[1 + n % 3],
        (ARRAY['PUBLISHED', 'DRAFT']::"EntryState"[])[1 + n % 2], now()
      FROM generate_series(1, 60) n`;
    await expectCountsAgree("after a bulk insert");
    await database.db.$executeRaw`UPDATE "StatusChange" SET state = 'PUBLISHED' WHERE headline LIKE 'bulk %' AND state = 'DRAFT'`;
    await expectCountsAgree("after a bulk publish");
    await database.db.$executeRaw`UPDATE "StatusChange" SET version = version + 1 WHERE headline LIKE 'bulk %'`;
    await expectCountsAgree("after an update that moves nothing counted");
    await database.db.$executeRaw`DELETE FROM "StatusChange" WHERE headline LIKE 'bulk %' AND direction = 'NEUTRAL'`;
    await expectCountsAgree("after a bulk delete");
  });
});
