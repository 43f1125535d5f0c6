import "server-only";
import { deriveStatus } from "../../domain/status-derivation";
import { getDatabase } from "../db";
import { assertCan, type TActor } from "../permissions";

const HISTORY_FIELDS = { id: true, status: true, state: true, occurredAt: true, effectiveAt: true, cancelsId: true, createdAt: true } as const;

/**
 * The most recent published developments by when they happened, across all subjects; a
 * scheduled change says whether it is still pending or was cancelled.
 */
export async function listLatestDevelopments(actor: TActor, { limit = 12, now = new Date() } = {}) {
  assertCan(actor, "published:read");
  const developments = await getDatabase().statusChange.findMany({
    where: { state: "PUBLISHED", occurredAt: { lte: now } },
    orderBy: [{ occurredAt: "desc" }, { createdAt: "desc" }],
    take: limit,
    select: {
      ...HISTORY_FIELDS,
      headline: true,
      occurredPrecision: true,
      timeZone: true,
      direction: true,
      cancelledBy: { where: { state: "PUBLISHED" }, select: HISTORY_FIELDS },
      agreement: { select: { slug: true, title: true, shortName: true } },
      measure: { select: { slug: true, title: true } },
      _count: { select: { citations: true } },
    },
  });
  return developments.map(({ cancelledBy, ...development }) => {
    const derived = deriveStatus([development, ...cancelledBy], now);
    const schedule = !development.effectiveAt
      ? null
      : derived.pending.some((entry) => entry.changeId === development.id)
        ? ("pending" as const)
        : derived.cancelled.some((entry) => entry.changeId === development.id)
          ? ("cancelled" as const)
          : ("took-effect" as const);
    return { ...development, schedule };
  });
}
