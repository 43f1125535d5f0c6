import { describe, expect, it } from "vitest";
import { Prisma } from "../../lib/generated/prisma/client";
import { AGREEMENT_STATUSES } from "../../lib/domain/statuses";
import { deriveStatus } from "../../lib/domain/status-derivation";
import { statusTimeline } from "../../lib/domain/status-timeline";
import { boundedTimeline } from "../../lib/domain/bounded-timeline";
import { parseRows } from "../../lib/server/rows/parse-rows";
import { ZBoundedSkeletonRow } from "../../lib/server/rows/subject-page-row";
import { boundedSkeletonJsonSql, deriveBoundedStatus } from "../../lib/server/subject-sql";
import { useTestDatabase } from "../support/test-database";
import { BASE, DAY, makeRandomAgreement, seededRandom } from "../support/random-history";

// A subject page reads a bounded skeleton (the latest changes, those ahead, the current one and
// the cancellers the rules need) instead of the whole history. With a window of 3 on random
// histories with schedules, cancellations, drafts and retractions, the domain rules must give
// on it the current status and pending deadlines they give on the whole history, and the same
// timeline bands from the window on.

const database = useTestDatabase();
const WINDOW = 3;
const generator = seededRandom(4242);
const randomAgreement = (index: number) =>
  makeRandomAgreement(database.db, generator, { slug: `bounded-${index}`, maxChanges: 14, scheduleSpreadDays: 80, statuses: AGREEMENT_STATUSES });

describe("bounded skeleton", () => {
  it("gives the whole history's current status, pending deadlines and timeline from the window on", async () => {
    const subjects = [];
    for (let index = 0; index < 20; index++) subjects.push(await randomAgreement(index));
    const instants = [-10, 60, 199, 260].map((days) => new Date(BASE + days * DAY + 3_600_000));
    let truncated = 0;
    for (const now of instants) {
      for (const subject of subjects) {
        const [row] = parseRows(ZBoundedSkeletonRow, await database.db.$queryRaw`
          SELECT ${boundedSkeletonJsonSql("agreementId", Prisma.sql`${subject.id}::uuid`, now, WINDOW)} AS skeleton`);
        const bounded = row!.skeleton.changes;
        const label = `${subject.id} at ${now.toISOString()}`;
        const published = subject.history.filter((entry) => entry.state === "PUBLISHED");
        expect(row!.skeleton.truncated, label).toBe(published.length > WINDOW);
        if (row!.skeleton.truncated) truncated += 1;
        const whole = deriveStatus(subject.history, now);
        const part = deriveBoundedStatus(row!.skeleton, bounded, now);
        expect(part.current, label).toEqual(whole.current);
        expect(part.pending, label).toEqual(whole.pending);
        for (const cancelled of part.cancelled) expect(whole.cancelled, label).toContainEqual(cancelled);
        const wholeBands = statusTimeline(subject.history, now).bands;
        const partBands = boundedTimeline(bounded, row!.skeleton.truncated, now).timeline.bands;
        if (!row!.skeleton.truncated) {
          expect(partBands, label).toEqual(wholeBands);
          continue;
        }
        // The bounded timeline starts later; from its start on it is the whole history's.
        const start = partBands[0]?.from.getTime() ?? Infinity;
        const clipped = wholeBands
          .filter((band) => band.to === null || band.to.getTime() > start)
          .map((band) => (band.from.getTime() < start ? { ...band, from: new Date(start) } : band));
        // A clipped first band may name a later change of the same run than the whole history's (whose start it cannot see).
        const withoutFirstId = (bands: typeof partBands) => bands.map((band, index) => (index === 0 ? { ...band, changeId: "" } : band));
        expect(withoutFirstId(partBands), label).toEqual(withoutFirstId(clipped));
      }
    }
    expect(truncated, "some histories are longer than the window").toBeGreaterThan(10);
  });
});
