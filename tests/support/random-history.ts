import type { TDatabase } from "../../lib/server/db";
import type { Status } from "../../lib/generated/prisma/enums";
import type { StatusHistoryEntry } from "../../lib/domain/status-derivation";
import { effectiveTimeOf } from "../../lib/domain/status-order";

// Random agreement histories for the tests that hold SQL to lib/domain (status-sql, bounded
// skeleton): schedules, cancellations, drafts and retractions, from a seeded generator so a
// failure replays.

export const DAY = 86_400_000;
export const BASE = Date.UTC(2019, 0, 1);

/** A deterministic random source (Park–Miller) and a picker over it. */
export function seededRandom(seed: number) {
  let state = seed;
  const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
  const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  return { random, pick };
}

export type TRandomSubject = { id: string; history: StatusHistoryEntry[] };

type TRandomAgreementOptions = {
  slug: string;
  /** At most this many changes (at least one). */
  maxChanges: number;
  /** Scheduled changes take effect up to this many days after they occur (or 5 before). */
  scheduleSpreadDays: number;
  statuses: readonly Status[];
  /** The instant the history's days count from (default BASE, 2019). */
  base?: number;
};

/** One agreement with a random history written to `db`, and that history as the domain reads it. */
export async function makeRandomAgreement(
  db: TDatabase,
  { random, pick }: ReturnType<typeof seededRandom>,
  { slug, maxChanges, scheduleSpreadDays, statuses, base = BASE }: TRandomAgreementOptions,
): Promise<TRandomSubject> {
  const agreement = await db.agreement.create({ data: { slug, title: `Random agreement ${slug}`, kind: "OTHER" } });
  const history: StatusHistoryEntry[] = [];
  const size = 1 + Math.floor(random() * maxChanges);
  for (let step = 0; step < size; step++) {
    const occurredAt = new Date(base + Math.floor(random() * 200) * DAY);
    const effectiveAt = random() < 0.35 ? new Date(occurredAt.getTime() + (Math.floor(random() * scheduleSpreadDays) - 5) * DAY) : null;
    const state = pick(["PUBLISHED", "PUBLISHED", "PUBLISHED", "RETRACTED", "DRAFT"] as const);
    const scheduled = history.filter((entry) => entry.effectiveAt);
    const cancelsId = scheduled.length && random() < 0.5 ? pick(scheduled).id : null;
    const createdAt = new Date(base + Math.floor(random() * 3) * DAY);
    const created = await db.statusChange.create({
      data: {
        agreementId: agreement.id,
        status: pick(statuses),
        headline: `Random change ${step}`,
        occurredAt,
        effectiveAt,
        effectiveTime: effectiveTimeOf({ effectiveAt, occurredAt }),
        state,
        publishedAt: state === "DRAFT" ? null : occurredAt,
        retractedAt: state === "RETRACTED" ? occurredAt : null,
        retractionReason: state === "RETRACTED" ? "a test retraction" : null,
        cancelsId,
        createdAt,
      },
    });
    history.push({ id: created.id, status: created.status, state: created.state, occurredAt, effectiveAt, cancelsId, createdAt });
  }
  return { id: agreement.id, history };
}
