import "server-only";
import { Prisma } from "../generated/prisma/client";
import type { DatePrecision, Status } from "../generated/prisma/enums";

// The status rules of lib/domain/status-derivation.ts, restated in SQL for the lists that show a
// current status for many subjects at once (agreement and measure lists, party and relation
// pages, counts, deadlines): loading every history into memory would not scale to a million
// changes. tests/status-sql.integration.test.ts holds these fragments to deriveStatus on random
// histories; change both together.

/** The aliases the fragments below may be applied to (fixed names, never user input). */
type TAlias = "sc" | "cs" | "entry";

/**
 * True when the change `alias` is a scheduled change cancelled as known at `now`: a published
 * change of the same subject names it in cancelsId, takes effect no later than it was due, and
 * has happened (occurred or taken effect) by `now`.
 */
export function isCancelledSql(alias: TAlias, now: Date): Prisma.Sql {
  const target = Prisma.raw(`"${alias}"`);
  return Prisma.sql`(${target}."effectiveAt" IS NOT NULL AND EXISTS (
    SELECT 1 FROM "StatusChange" canceller
    WHERE canceller."cancelsId" = ${target}.id AND canceller.id <> ${target}.id AND canceller.state = 'PUBLISHED'
      AND canceller."agreementId" IS NOT DISTINCT FROM ${target}."agreementId"
      AND canceller."measureId" IS NOT DISTINCT FROM ${target}."measureId"
      AND canceller."effectiveTime" <= ${target}."effectiveAt"
      AND (canceller."occurredAt" <= ${now} OR canceller."effectiveTime" <= ${now})))`;
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
 * A LEFT JOIN LATERAL giving the current status of the subject whose id is `subjectId` as
 * columns "currentId", "currentStatus", "currentSince", "currentEffectiveAt", "currentPrecision",
 * "currentTimeZone" (all null when no status is recorded). One index probe per subject, on
 * StatusChange_agreement_history_idx or StatusChange_measure_history_idx.
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
  const subjectColumn = Prisma.raw(`cs."${column}"`);
  return Prisma.sql`
    SELECT cs.id AS "currentId", cs.status::text AS "currentStatus", cs."effectiveTime" AS "currentSince",
      cs."effectiveAt" AS "currentEffectiveAt", cs."occurredPrecision"::text AS "currentPrecision", cs."timeZone" AS "currentTimeZone"
    FROM "StatusChange" cs
    WHERE ${subjectColumn} = ${subjectId} AND cs.state = 'PUBLISHED' AND cs."effectiveTime" <= ${now}
      AND NOT ${isCancelledSql("cs", now)}
    ORDER BY cs."effectiveTime" DESC, cs."occurredAt" DESC, cs."createdAt" DESC, cs.id DESC
    LIMIT 1`;
}

/** The columns currentStatusJoin adds, as they come back from $queryRaw. */
export type TCurrentStatusColumns = {
  currentId: string | null;
  currentStatus: string | null;
  currentSince: Date | null;
  currentEffectiveAt: Date | null;
  currentPrecision: string | null;
  currentTimeZone: string | null;
};

/** A subject's current status as pages show it: the status and since when, to its precision. */
export type TCurrentStatus = {
  changeId: string;
  status: Status;
  since: Date;
  /** True when the status began at a stated instant (effectiveAt), not on the day the change occurred. */
  hasExactStart: boolean;
  precision: DatePrecision;
  timeZone: string;
};

/** The current status from currentStatusJoin's columns, or null when none is recorded. */
export function toCurrentStatus(row: TCurrentStatusColumns): TCurrentStatus | null {
  if (!row.currentId || !row.currentStatus || !row.currentSince) return null;
  return {
    changeId: row.currentId,
    status: row.currentStatus as Status,
    since: row.currentSince,
    hasExactStart: row.currentEffectiveAt !== null,
    precision: (row.currentPrecision ?? "DAY") as DatePrecision,
    timeZone: row.currentTimeZone ?? "UTC",
  };
}
