import { describe, expect, it } from "vitest";
import { Prisma } from "../../lib/generated/prisma/client";
import { AGREEMENT_STATUSES } from "../../lib/domain/statuses";
import { deriveStatus, type StatusHistoryEntry } from "../../lib/domain/status-derivation";
import { statusTimeline } from "../../lib/domain/status-timeline";
import { boundedTimeline } from "../../lib/domain/bounded-timeline";
import { parseRows } from "../../lib/server/rows/parse-rows";
import { ZBoundedSkeletonRow } from "../../lib/server/rows/subject-page-row";
import { boundedSkeletonJsonSql, deriveBoundedStatus } from "../../lib/server/subject-sql";
import { useTestDatabase } from "../support/test-database";

// A subject page reads a bounded skeleton (the latest changes, those ahead, the current one and
// the cancellers the rules need) instead of the whole history. With a window of 3 on random
// histories with schedules, cancellations, drafts and retractions, the domain rules must give
// on it the current status and pending deadlines they give on the whole history, and the same
// timeline bands from the window on.

const database = useTestDatabase();
const DAY = 86_400_000;
const BASE = Date.UTC(2019, 0, 1);
const WINDOW = 3;

let seed = 4242;
const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;

async function randomAgreement(index: number): Promise<{ id: string; history: StatusHistoryEntry[] }> {
  const agreement = await database.db.agreement.create({ data: { slug: `bounded-${index}`, title: `Bounded ${index}`, kind: "OTHER" } });
  const history: StatusHistoryEntry[] = [];
  const size = 1 + Math.floor(random() * 14);
  for (let step = 0; step < size; step++) {
    const occurredAt = new Date(BASE + Math.floor(random() * 200) * DAY);
    const effectiveAt = random() < 0.35 ? new Date(occurredAt.getTime() + (Math.floor(random() * 80) - 5) * DAY) : null;
    const state = pick(["PUBLISHED", "PUBLISHED", "PUBLISHED", "RETRACTED", "DRAFT"] as const);
    const scheduled = history.filter((entry) => entry.effectiveAt);
    const cancelsId = scheduled.length && random() < 0.5 ? pick(scheduled).id : null;
    const createdAt = new Date(BASE + Math.floor(random() * 3) * DAY);
    const created = await database.db.statusChange.create({
      data: {
        agreementId: agreement.id, status: pick(AGREEMENT_STATUSES), headline: `Change ${step}`, occurredAt, effectiveAt,
        effectiveTime: effectiveAt ?? occurredAt, state, publishedAt: state === "DRAFT" ? null : occurredAt,
        retractedAt: state === "RETRACTED" ? occurredAt : null, retractionReason: state === "RETRACTED" ? "a test retraction" : null, cancelsId, createdAt,
      },
    });
    history.push({ id: created.id, status: created.status, state: created.state, occurredAt, effectiveAt, cancelsId, createdAt });
  }
  return { id: agreement.id, history };
}

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
