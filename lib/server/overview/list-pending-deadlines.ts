import "server-only";
import { isNoticeDeadlineRelevant, nextNoticeDeadline } from "../../domain/deadlines";
import { deriveStatus } from "../../domain/status-derivation";
import { getDatabase } from "../db";
import { assertCan, type TActor } from "../permissions";

const HISTORY_FIELDS = { id: true, status: true, state: true, occurredAt: true, effectiveAt: true, cancelsId: true, createdAt: true } as const;

export type TPendingDeadline =
  | { kind: "scheduled-change"; at: Date; status: string; headline: string; timeZone: string; subject: { href: string; name: string } }
  | { kind: "notice-deadline"; at: Date; lastDayToGiveNotice: string; termEndsAt: Date; timeZone: string; subject: { href: string; name: string } };

/** Scheduled status changes still ahead, and the next notice deadline of auto-renewing agreements. */
export async function listPendingDeadlines(actor: TActor, { now = new Date(), withinDays }: { now?: Date; withinDays?: number } = {}) {
  assertCan(actor, "published:read");
  const database = getDatabase();
  const horizon = withinDays ? new Date(now.getTime() + withinDays * 86_400_000) : undefined;

  const [scheduled, renewing] = await Promise.all([
    database.statusChange.findMany({
      where: { state: "PUBLISHED", effectiveAt: { gt: now, ...(horizon ? { lte: horizon } : {}) } },
      orderBy: { effectiveAt: "asc" },
      select: {
        ...HISTORY_FIELDS,
        headline: true,
        timeZone: true,
        cancelledBy: { where: { state: "PUBLISHED" }, select: HISTORY_FIELDS },
        agreement: { select: { slug: true, title: true, shortName: true } },
        measure: { select: { slug: true, title: true } },
      },
    }),
    database.agreement.findMany({
      where: { autoRenews: true, inForceOn: { not: null } },
      select: {
        slug: true,
        title: true,
        shortName: true,
        inForceOn: true,
        termMonths: true,
        autoRenews: true,
        noticeDays: true,
        timeZone: true,
        statusChanges: { where: { state: "PUBLISHED" }, select: HISTORY_FIELDS },
      },
    }),
  ]);

  const deadlines: TPendingDeadline[] = [];
  for (const change of scheduled) {
    // The same rule as a subject's page: a cancelled scheduled change is no longer pending.
    const { pending } = deriveStatus([change, ...change.cancelledBy], now);
    if (!pending.some((entry) => entry.changeId === change.id) || !change.effectiveAt) continue;
    const subject = change.agreement
      ? { href: `/agreements/${change.agreement.slug}`, name: change.agreement.shortName ?? change.agreement.title }
      : { href: `/measures/${change.measure!.slug}`, name: change.measure!.title };
    deadlines.push({ kind: "scheduled-change", at: change.effectiveAt, status: change.status, headline: change.headline, timeZone: change.timeZone, subject });
  }
  for (const agreement of renewing) {
    const current = deriveStatus(agreement.statusChanges, now).current;
    if (!isNoticeDeadlineRelevant(current?.status ?? null)) continue;
    const deadline = nextNoticeDeadline({ ...agreement, inForceOn: agreement.inForceOn!.toISOString().slice(0, 10) }, now);
    if (!deadline || (horizon && deadline.noticeDeadlineAt > horizon)) continue;
    deadlines.push({
      kind: "notice-deadline",
      at: deadline.noticeDeadlineAt,
      lastDayToGiveNotice: deadline.lastDayToGiveNotice,
      termEndsAt: deadline.termEndsAt,
      timeZone: agreement.timeZone,
      subject: { href: `/agreements/${agreement.slug}`, name: agreement.shortName ?? agreement.title },
    });
  }
  return deadlines.sort((a, b) => a.at.getTime() - b.at.getTime());
}
