import "server-only";
import { Prisma } from "../../generated/prisma/client";
import type { Status } from "../../generated/prisma/enums";
import { isNoticeDeadlineRelevant, nextNoticeDeadline } from "../../domain/deadlines";
import { parseRows } from "../rows/parse-rows";
import { ZAgreementTermsRow, ZScheduledDevelopmentRow } from "../rows/subscription-rows";
import { currentStatusOnlyJoin, isCancelledSql } from "../status-sql";
import type { TTransaction } from "../write-transaction";

export type TDeadlineSubject = { agreementId: string } | { measureId: string };

/** A deadline a DEADLINE_APPROACHING subscription is reminded of. */
export type TSubjectDeadline = {
  deadlineAt: Date;
  /** The scheduled development; null for an agreement's notice deadline. */
  statusChangeId: string | null;
  /** A notice deadline: the status the agreement stands in; a schedule: the status it brings. */
  status: Status;
  entryVersion: number;
  /** The zone whose calendar "N days before" is counted in. */
  timeZone: string;
};

// Scheduled changes ahead are few; a subject with more is reminded of the nearest ones first.
const SCHEDULED_PLANNED = 20;
// This year's notice deadline and next year's: the second is planned before the first is told,
// and telling one plans again, so the chain never ends while the terms stand.
const NOTICE_DEADLINES_PLANNED = 2;

/**
 * The subject's deadlines still ahead of `now`, by the rules the status panel uses: an
 * agreement's next notice deadlines (lib/domain/deadlines, while its status has a running term)
 * and the published scheduled changes of the subject not yet in effect nor cancelled.
 */
export async function readSubjectDeadlines(tx: TTransaction, subject: TDeadlineSubject, now: Date): Promise<TSubjectDeadline[]> {
  const column = "agreementId" in subject ? Prisma.raw(`"agreementId"`) : Prisma.raw(`"measureId"`);
  const subjectId = "agreementId" in subject ? subject.agreementId : subject.measureId;
  const scheduled = parseRows(
    ZScheduledDevelopmentRow,
    await tx.$queryRaw`
      SELECT entry.id, entry.status::text AS status, entry."effectiveAt", entry."timeZone", entry.version
      FROM "StatusChange" entry
      WHERE entry.${column} = ${subjectId}::uuid AND entry.state = 'PUBLISHED' AND entry."effectiveAt" > ${now} AND entry."occurredAt" <= ${now}
        AND NOT ${isCancelledSql("entry", now)}
      ORDER BY entry."effectiveAt", entry.id
      LIMIT ${SCHEDULED_PLANNED}`,
  );
  const deadlines: TSubjectDeadline[] = scheduled.map((change) => ({ deadlineAt: change.effectiveAt, statusChangeId: change.id, status: change.status, entryVersion: change.version, timeZone: change.timeZone }));
  if ("agreementId" in subject) {
    const [terms] = parseRows(
      ZAgreementTermsRow,
      await tx.$queryRaw`
        SELECT a."inForceOn", a."termMonths", a."autoRenews", a."noticeDays", a."timeZone", current."currentStatus"
        FROM "Agreement" a ${currentStatusOnlyJoin("agreementId", Prisma.sql`a.id`, now)}
        WHERE a.id = ${subject.agreementId}::uuid`,
    );
    if (terms?.inForceOn && terms.currentStatus && isNoticeDeadlineRelevant(terms.currentStatus)) {
      const rules = { ...terms, inForceOn: terms.inForceOn.toISOString().slice(0, 10) };
      let after = now;
      for (let count = 0; count < NOTICE_DEADLINES_PLANNED; count++) {
        const deadline = nextNoticeDeadline(rules, after);
        if (!deadline) break;
        deadlines.push({ deadlineAt: deadline.noticeDeadlineAt, statusChangeId: null, status: terms.currentStatus, entryVersion: 1, timeZone: terms.timeZone });
        after = deadline.noticeDeadlineAt;
      }
    }
  }
  return deadlines.sort((a, b) => a.deadlineAt.getTime() - b.deadlineAt.getTime());
}
