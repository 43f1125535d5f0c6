import "server-only";
import { Prisma } from "../generated/prisma/client";
import type { DatePrecision, Status } from "../generated/prisma/enums";
import type { TCurrentStatusColumns } from "./rows/current-status-columns";
import type { TAsOf } from "./as-of-sql";
import { asOfCurrentStatusJoin, asOfCurrentStatusOnlyJoin } from "./as-of-status-sql";

// The status rules of lib/domain/status-derivation.ts for SQL, for the lists that show a current
// status for many subjects at once (agreement and measure lists, party and relation pages, counts,
// deadlines): loading every history into memory would not scale to a million changes. The
// rules themselves are PostgreSQL functions made by the migration status_rules (decision 008):
// triggers keep "cancelledFrom" by pw_cancelled_from; pw_is_cancelled(cancelledFrom, at),
// pw_stands(state, effectiveTime, cancelledFrom, at) and pw_current_status(agreementId,
// measureId, at) read it, inlined into the queries below.
// tests/reader/status-sql.integration.test.ts holds them to deriveStatus on random histories;
// change both together. The joins that show "since" call pw_read_current_status: the period of
// CurrentStatusPeriod holding `now` (kept by triggers, decision 026), else pw_current_status.

/** The aliases the fragments below may be applied to (fixed names, never user input). */
type TAlias = "sc" | "cs" | "entry";

/**
 * True when the change `alias` is a scheduled change cancelled as known at `now` (a published
 * change of its subject names it in cancelsId, takes effect no later than it was due, and has
 * happened by `now`).
 */
export function isCancelledSql(alias: TAlias, now: Date): Prisma.Sql {
  return Prisma.sql`pw_is_cancelled(${Prisma.raw(`"${alias}"`)}."cancelledFrom", ${now}::timestamptz)`;
}

/**
 * What a scheduled change (one with effectiveAt) has become at `now`: 'cancelled', 'pending'
 * (still ahead), 'took-effect'; null for a change without effectiveAt or not yet occurred.
 */
export function scheduleSql(alias: TAlias, now: Date): Prisma.Sql {
  const change = Prisma.raw(`"${alias}"`);
  return Prisma.sql`CASE
    WHEN ${change}."effectiveAt" IS NULL OR ${change}.state <> 'PUBLISHED' THEN NULL
    WHEN ${isCancelledSql(alias, now)} THEN 'cancelled'
    WHEN ${change}."effectiveAt" > ${now} THEN CASE WHEN ${change}."occurredAt" <= ${now} THEN 'pending' END
    ELSE 'took-effect' END`;
}

/** Which subject column a status query reads. */
export type TSubjectColumn = "agreementId" | "measureId";

/**
 * A LEFT JOIN LATERAL giving the current status of the subject whose id is `subjectId` (in
 * `column`) as columns "currentId", "currentStatus", "sinceId", "currentSince" (the start of the
 * uninterrupted run of that status), "currentEffectiveAt", "currentPrecision", "currentTimeZone"
 * (of the change in effect when the run began; all null when no status is recorded), from
 * pw_read_current_status: one probe of CurrentStatusPeriod, and pw_current_status only when no
 * stored period holds `now`. The other subject column is a literal NULL, so the planner folds its
 * branch away and reads one history index in order.
 */
export function currentStatusJoin(column: TSubjectColumn, subjectId: Prisma.Sql, now: Date, asOf?: TAsOf): Prisma.Sql {
  // As of an instant the stored periods (present only) do not apply: the rule runs on the record then.
  if (asOf) return asOfCurrentStatusJoin(column, subjectId, asOf);
  return Prisma.sql`LEFT JOIN LATERAL ${currentStatusCall(column, subjectId, now)} current ON true`;
}

/**
 * A LEFT JOIN LATERAL giving only "currentStatus" (the text of the status, null when none), for
 * filters and counts that do not show since when: one index probe per subject, not four.
 */
export function currentStatusOnlyJoin(column: TSubjectColumn, subjectId: Prisma.Sql, now: Date, asOf?: TAsOf): Prisma.Sql {
  if (asOf) return asOfCurrentStatusOnlyJoin(column, subjectId, asOf);
  return Prisma.sql`LEFT JOIN LATERAL (SELECT change.status::text AS "currentStatus" FROM ${subjectCall("pw_current_change", column, subjectId, now)} change) current ON true`;
}

function currentStatusCall(column: TSubjectColumn, subjectId: Prisma.Sql, now: Date): Prisma.Sql {
  return subjectCall("pw_read_current_status", column, subjectId, now);
}

function subjectCall(name: "pw_read_current_status" | "pw_current_change", column: TSubjectColumn, subjectId: Prisma.Sql, now: Date): Prisma.Sql {
  const fn = Prisma.raw(name);
  return column === "agreementId" ? Prisma.sql`${fn}(${subjectId}, NULL, ${now}::timestamptz)` : Prisma.sql`${fn}(NULL, ${subjectId}, ${now}::timestamptz)`;
}

/** The columns currentStatusJoin adds, as ZCurrentStatusColumns parses them. */
export type { TCurrentStatusColumns } from "./rows/current-status-columns";

/** A subject's current status as pages show it: the status and since when, to its precision. */
export type TCurrentStatus = {
  changeId: string;
  status: Status;
  /** The start of the uninterrupted run of the status, set by `sinceChangeId`. */
  since: Date;
  sinceChangeId: string;
  /** True when the run began at a stated instant (effectiveAt), not on the day its change occurred. */
  hasExactStart: boolean;
  precision: DatePrecision;
  timeZone: string;
};

/** The current status from currentStatusJoin's columns, or null when none is recorded. */
export function toCurrentStatus(row: TCurrentStatusColumns): TCurrentStatus | null {
  if (!row.currentId || !row.currentStatus || !row.currentSince || !row.sinceId) return null;
  return {
    changeId: row.currentId,
    status: row.currentStatus,
    since: row.currentSince,
    sinceChangeId: row.sinceId,
    hasExactStart: row.currentEffectiveAt !== null,
    precision: row.currentPrecision ?? "DAY",
    timeZone: row.currentTimeZone ?? "UTC",
  };
}
