import { Status } from "../generated/prisma/enums";
import { addCalendarDays, addCalendarMonths, parseIsoDate, toIsoDate, utcMidnightOf, type CalendarDate } from "./calendar-date";
import { isValidTimeZone, startOfLocalDay } from "./zoned-time";

/** An agreement's term rules, as stored on the agreement. */
export interface AgreementTerms {
  /** The local date it entered into force; a Date is read by its UTC fields, as Prisma returns `@db.Date`. */
  inForceOn: string | Date | null;
  termMonths: number | null;
  autoRenews: boolean | null;
  noticeDays: number | null;
  timeZone: string;
}

/** The next moment by which notice must have been received to stop the agreement renewing. */
export interface NoticeDeadline {
  /** Local midnight at the start of the anniversary date that ends the current term. */
  termEndsAt: Date;
  /** Local midnight noticeDays calendar days before termEndsAt: notice must arrive before it. */
  noticeDeadlineAt: Date;
  /** The last local calendar day on which notice can still be given, "YYYY-MM-DD". */
  lastDayToGiveNotice: string;
}

const DAY_IN_MILLISECONDS = 24 * 60 * 60 * 1000;
// Months counted as year × 12 + month: the last month a term may end in is December 9999.
const LAST_MONTH_INDEX = 9999 * 12 + 12;

function toCalendarDate(value: string | Date): CalendarDate | null {
  if (typeof value === "string") return parseIsoDate(value);
  if (Number.isNaN(value.getTime())) return null;
  return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
}

/**
 * The next notice deadline still ahead of `now` for an auto-renewing agreement, or null when
 * it does not auto-renew or its terms are incomplete.
 *
 * Term n ends at local midnight at the start of inForceOn + n × termMonths (GSOMIA, in force
 * 2016-11-23, twelve-month terms: the first term ends 2017-11-23T00:00 Asia/Seoul). Anniversaries
 * are counted from inForceOn each time, not from the previous anniversary, with date-fns
 * `addMonths` semantics: a date missing from the target month clamps to its last day, so monthly
 * terms from 31 January end on 28 (or 29) February, 31 March, 30 April; yearly terms from
 * 29 February end on 28 February and again on 29 February in leap years.
 *
 * Notice must be received at least noticeDays before the term ends, so the deadline is local
 * midnight noticeDays calendar days before the term end, and the last day to give notice is the
 * day before it (GSOMIA 2019: term end 23 November, deadline 25 August 00:00, last day 24 August).
 * A deadline at exactly `now` has passed.
 */
export function nextNoticeDeadline(terms: AgreementTerms, now: Date): NoticeDeadline | null {
  const { inForceOn, termMonths, autoRenews, noticeDays, timeZone } = terms;
  if (!autoRenews || inForceOn === null || termMonths === null || noticeDays === null) return null;
  if (!Number.isInteger(termMonths) || termMonths <= 0 || !Number.isInteger(noticeDays) || noticeDays < 0) return null;
  const start = toCalendarDate(inForceOn);
  if (!start || !isValidTimeZone(timeZone) || Number.isNaN(now.getTime())) return null;

  // Jump close to `now` instead of walking every term since entry into force. Starting from a term
  // that ends at least the notice period plus two months before `now` never skips the answer.
  const monthsSinceStart = (now.getUTCFullYear() - start.year) * 12 + (now.getUTCMonth() + 1 - start.month);
  const safetyMonths = Math.ceil(noticeDays / 28) + 2;
  let term = Math.max(1, Math.floor((monthsSinceStart - safetyMonths) / termMonths));

  for (;;) {
    // Past the year 9999 there is no deadline to show: dates there have no ISO form the pages
    // (or PostgreSQL) can read, so an agreement in force in 9999 with a 100-year term has none.
    if (start.year * 12 + start.month + term * termMonths > LAST_MONTH_INDEX) return null;
    // Calendar arithmetic first, then placement at local midnight in the agreement's zone, so
    // daylight-saving changes never pull a deadline off midnight.
    const termEnd = addCalendarMonths(start, term * termMonths);
    const deadline = addCalendarDays(termEnd, -noticeDays);
    // Local midnight lies within a day of UTC midnight in every zone, so a deadline dated two days
    // before `now` has passed without asking Intl for the zone's offset.
    if (utcMidnightOf(deadline) + 2 * DAY_IN_MILLISECONDS <= now.getTime()) {
      term += 1;
      continue;
    }
    const noticeDeadlineAt = startOfLocalDay(deadline, timeZone);
    if (noticeDeadlineAt.getTime() > now.getTime()) {
      return {
        termEndsAt: startOfLocalDay(termEnd, timeZone),
        noticeDeadlineAt,
        lastDayToGiveNotice: toIsoDate(addCalendarDays(deadline, -1)),
      };
    }
    term += 1;
  }
}

const STATUSES_WITH_A_RUNNING_TERM: ReadonlySet<Status> = new Set([
  Status.IN_FORCE,
  Status.RESTORED,
  Status.PROVISIONALLY_EXTENDED,
]);

/** Whether a notice deadline means anything in this status: not before entry into force, after notice or after termination. */
export function isNoticeDeadlineRelevant(status: Status | null): boolean {
  return status !== null && STATUSES_WITH_A_RUNNING_TERM.has(status);
}
