import "server-only";
import { Prisma } from "../generated/prisma/client";
import type { DatePrecision, Status } from "../generated/prisma/enums";
import { historyOrderSql } from "./history-sql";

// The status rules of lib/domain/status-derivation.ts for SQL, for the lists that show a current
// status for many subjects at once (agreement and measure lists, party and relation pages, counts,
// deadlines): loading every history into memory would not scale to a million changes. The rules
// cancellation rule is PostgreSQL's (migration status_rules, decision 008): triggers keep
// "cancelledFrom" (pw_cancelled_from) and pw_is_cancelled(cancelledFrom, at) reads it; the current
// status and its run are the one fragment below.
// tests/reader/status-sql.integration.test.ts holds them to deriveStatus on random histories;
// change both together.

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
 * (of the change in effect when the run began; all null when no status is recorded).
 *
 * The run ends at the latest instant at which a change of another status was in effect (the last
 * change there in history order; earlier ones at that instant were overtaken, never in effect);
 * it starts at the next instant, with the change in effect there. Each step is one ordered probe
 * of StatusChange_agreement_history_idx or StatusChange_measure_history_idx (LIMIT 1).
 */
export function currentStatusJoin(column: TSubjectColumn, subjectId: Prisma.Sql, now: Date): Prisma.Sql {
  return Prisma.sql`LEFT JOIN LATERAL (${currentStatusSelect(column, subjectId, now)}) current ON true`;
}

/** Like currentStatusJoin for rows that are either an agreement or a measure (the other id null). */
export function currentStatusOfEitherJoin(agreementId: Prisma.Sql, measureId: Prisma.Sql, now: Date): Prisma.Sql {
  return Prisma.sql`LEFT JOIN LATERAL (
    SELECT * FROM ((${currentStatusSelect("agreementId", agreementId, now)}) UNION ALL (${currentStatusSelect("measureId", measureId, now)})) either
    LIMIT 1
  ) current ON true`;
}

function currentStatusSelect(column: TSubjectColumn, subjectId: Prisma.Sql, now: Date): Prisma.Sql {
  const standing = (alias: string) => {
    const a = Prisma.raw(alias);
    return Prisma.sql`${Prisma.raw(`${alias}."${column}"`)} = ${subjectId} AND ${a}.state = 'PUBLISHED' AND ${a}."effectiveTime" <= ${now}::timestamptz
      AND NOT ${isCancelledSql(alias as TAlias, now)}`;
  };
  return Prisma.sql`
    SELECT cs.id AS "currentId", cs.status::text AS "currentStatus", start.id AS "sinceId", start."effectiveTime" AS "currentSince",
      start."effectiveAt" AS "currentEffectiveAt", start."occurredPrecision"::text AS "currentPrecision", start."timeZone" AS "currentTimeZone"
    FROM (SELECT cs.id, cs.status FROM "StatusChange" cs WHERE ${standing("cs")} ORDER BY ${historyOrderSql("effective", "cs")} LIMIT 1) cs
    LEFT JOIN LATERAL (
      SELECT sc."effectiveTime" AS ended FROM "StatusChange" sc
      WHERE ${standing("sc")} AND sc.status <> cs.status AND NOT EXISTS (
        SELECT 1 FROM "StatusChange" entry WHERE ${standing("entry")} AND entry."effectiveTime" = sc."effectiveTime"
          AND (entry."occurredAt", entry."createdAt", entry.id) > (sc."occurredAt", sc."createdAt", sc.id))
      ORDER BY ${historyOrderSql("effective", "sc")} LIMIT 1
    ) run_end ON true
    CROSS JOIN LATERAL (
      SELECT sc.id, sc."effectiveTime", sc."effectiveAt", sc."occurredPrecision", sc."timeZone" FROM "StatusChange" sc
      WHERE ${standing("sc")} AND sc."effectiveTime" > COALESCE(run_end.ended, '-infinity')
      ORDER BY sc."effectiveTime" ASC LIMIT 1
    ) first
    CROSS JOIN LATERAL (
      SELECT sc.id, sc."effectiveTime", sc."effectiveAt", sc."occurredPrecision", sc."timeZone" FROM "StatusChange" sc
      WHERE ${standing("sc")} AND sc."effectiveTime" = first."effectiveTime"
      ORDER BY ${historyOrderSql("effective", "sc")} LIMIT 1
    ) start`;
}

/** The columns currentStatusJoin adds, as they come back from $queryRaw. */
export type TCurrentStatusColumns = {
  currentId: string | null;
  currentStatus: string | null;
  sinceId: string | null;
  currentSince: Date | null;
  currentEffectiveAt: Date | null;
  currentPrecision: string | null;
  currentTimeZone: string | null;
};

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
    status: row.currentStatus as Status,
    since: row.currentSince,
    sinceChangeId: row.sinceId,
    hasExactStart: row.currentEffectiveAt !== null,
    precision: (row.currentPrecision ?? "DAY") as DatePrecision,
    timeZone: row.currentTimeZone ?? "UTC",
  };
}
