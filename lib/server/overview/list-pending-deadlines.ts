import "server-only";
import { Prisma } from "../../generated/prisma/client";
import type { Status } from "../../generated/prisma/enums";
import { isNoticeDeadlineRelevant, nextNoticeDeadline } from "../../domain/deadlines";
import { readDatabase } from "../read-database";
import { assertCan, type TActor } from "../permissions";
import { ZRenewingAgreementRow, ZScheduledChangeRow } from "../rows/overview-rows";
import { parseRows } from "../rows/parse-rows";
import { currentStatusOnlyJoin, isCancelledSql } from "../status-sql";
import { subjectHref } from "../../domain/subject-ref";
import { asOfChangesSql, type TAsOf } from "../as-of-sql";

export type TPendingDeadline =
  | { kind: "scheduled-change"; at: Date; status: Status; headline: string; changeId: string; timeZone: string; subject: { href: string; name: string } }
  | { kind: "notice-deadline"; at: Date; lastDayToGiveNotice: string; termEndsAt: Date; timeZone: string; subject: { href: string; name: string } };

/**
 * Deadlines ahead: published scheduled changes not yet in effect and not cancelled (the status
 * rules of lib/domain, in SQL; see status-sql.ts), and the next notice deadline of auto-renewing
 * agreements whose current status has a running term. Two round trips, run at once.
 */
export async function listPendingDeadlines(actor: TActor, { now = new Date(), withinDays, asOf }: { now?: Date; withinDays?: number; asOf?: TAsOf } = {}) {
  assertCan(actor, "published:read");
  // As of an instant (decision 029): the schedules that stood then, pending at that instant.
  if (asOf) now = asOf.instant;
  const changes = asOf ? Prisma.sql`(${asOfChangesSql(asOf)})` : Prisma.sql`"StatusChange"`;
  const database = await readDatabase(actor);
  const horizon = withinDays ? new Date(now.getTime() + withinDays * 86_400_000) : null;
  const [rawScheduled, rawRenewing] = await Promise.all([
    database.$queryRaw`
      SELECT entry.id, entry.status::text AS status, entry.headline, entry."effectiveAt", entry."timeZone",
        a.slug AS "agreementSlug", m.slug AS "measureSlug", COALESCE(a."shortName", a.title, m.title) AS "subjectName"
      FROM ${changes} entry
        LEFT JOIN "Agreement" a ON a.id = entry."agreementId" LEFT JOIN "TradeMeasure" m ON m.id = entry."measureId"
      WHERE entry.state = 'PUBLISHED' AND entry."effectiveAt" > ${now} AND entry."occurredAt" <= ${now}
        ${horizon ? Prisma.sql`AND entry."effectiveAt" <= ${horizon}` : Prisma.empty}
        AND NOT ${isCancelledSql("entry", now)}
      ORDER BY entry."effectiveAt", entry.id`,
    database.$queryRaw`
      SELECT a.slug, COALESCE(a."shortName", a.title) AS name, a."inForceOn", a."termMonths", a."autoRenews", a."noticeDays", a."timeZone",
        current."currentStatus"
      FROM "Agreement" a ${currentStatusOnlyJoin("agreementId", Prisma.sql`a.id`, now, asOf)}
      WHERE a."autoRenews" AND a."inForceOn" IS NOT NULL`,
  ]);

  const scheduled = parseRows(ZScheduledChangeRow, rawScheduled);
  const renewing = parseRows(ZRenewingAgreementRow, rawRenewing);
  const deadlines: TPendingDeadline[] = scheduled.map((change) => ({
    kind: "scheduled-change",
    at: change.effectiveAt,
    status: change.status,
    headline: change.headline,
    changeId: change.id,
    timeZone: change.timeZone,
    subject: { href: change.agreementSlug ? subjectHref("AGREEMENT", change.agreementSlug) : subjectHref("MEASURE", change.measureSlug ?? ""), name: change.subjectName },
  }));
  for (const agreement of renewing) {
    if (!isNoticeDeadlineRelevant(agreement.currentStatus)) continue;
    const deadline = nextNoticeDeadline({ ...agreement, inForceOn: agreement.inForceOn.toISOString().slice(0, 10) }, now);
    if (!deadline || (horizon && deadline.noticeDeadlineAt > horizon)) continue;
    deadlines.push({
      kind: "notice-deadline",
      at: deadline.noticeDeadlineAt,
      lastDayToGiveNotice: deadline.lastDayToGiveNotice,
      termEndsAt: deadline.termEndsAt,
      timeZone: agreement.timeZone,
      subject: { href: subjectHref("AGREEMENT", agreement.slug), name: agreement.name },
    });
  }
  return deadlines.sort((a, b) => a.at.getTime() - b.at.getTime());
}
