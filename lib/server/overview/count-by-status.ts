import "server-only";
import type { Status } from "../../generated/prisma/enums";
import { deriveStatus } from "../../domain/status-derivation";
import { getDatabase } from "../db";
import { assertCan, type TActor } from "../permissions";

const HISTORY_FIELDS = { id: true, status: true, state: true, occurredAt: true, effectiveAt: true, cancelsId: true, createdAt: true } as const;

/** How many agreements and measures are in each current status (null: no status yet). */
export async function countByStatus(actor: TActor, now: Date = new Date()) {
  assertCan(actor, "published:read");
  const database = getDatabase();
  const where = { state: "PUBLISHED" as const };
  const [agreements, measures] = await Promise.all([
    database.agreement.findMany({ select: { statusChanges: { where, select: HISTORY_FIELDS } } }),
    database.tradeMeasure.findMany({ select: { statusChanges: { where, select: HISTORY_FIELDS } } }),
  ]);
  const tally = (subjects: typeof agreements) => {
    const counts = new Map<Status | null, number>();
    for (const subject of subjects) {
      const status = deriveStatus(subject.statusChanges, now).current?.status ?? null;
      counts.set(status, (counts.get(status) ?? 0) + 1);
    }
    return [...counts.entries()].map(([status, count]) => ({ status, count })).sort((a, b) => b.count - a.count);
  };
  return { agreements: tally(agreements), measures: tally(measures) };
}
