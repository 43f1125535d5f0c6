import "server-only";
import { Prisma } from "../generated/prisma/client";
import { asOfChangesSql, type TAsOf } from "./as-of-sql";
import type { TSubjectColumn } from "./status-sql";

// pw_current_status and pw_current_change (migration status_rules) over the record as it stood
// at an instant (decision 029, 036): the same rule, read from the versions of StatusChangeRecord
// that stood, so the lists, party and relation pages derive a subject's status at asOf with the
// status rules the present reads use. Each step is an ordered walk of one subject's record history
// index (the subject filter and order reach it, since asOfChangesSql is flattened into the caller).

const ORDER = (alias: string) => {
  const k = Prisma.raw(alias);
  return Prisma.sql`${k}."effectiveTime" DESC, ${k}."occurredAt" DESC, ${k}."createdAt" DESC, ${k}.id DESC`;
};

function standingSql(alias: string, column: TSubjectColumn, subjectId: Prisma.Sql, asOf: TAsOf): Prisma.Sql {
  const k = Prisma.raw(alias);
  return Prisma.sql`${k}.${Prisma.raw(`"${column}"`)} = ${subjectId} AND pw_stands(${k}.state, ${k}."effectiveTime", ${k}."cancelledFrom", ${asOf.instant}::timestamptz)`;
}

/** The subquery of pw_current_change as of the instant: id, status, effectiveTime of the change setting the status (no row when none stands). */
function asOfCurrentChangeSql(column: TSubjectColumn, subjectId: Prisma.Sql, asOf: TAsOf): Prisma.Sql {
  return Prisma.sql`(SELECT k.id, k.status, k."effectiveTime" FROM (${asOfChangesSql(asOf)}) k
    WHERE ${standingSql("k", column, subjectId, asOf)} ORDER BY ${ORDER("k")} LIMIT 1)`;
}

/** currentStatusJoin's columns as of the instant ("currentId" … "currentTimeZone"), as a LEFT JOIN LATERAL aliased `current`. */
export function asOfCurrentStatusJoin(column: TSubjectColumn, subjectId: Prisma.Sql, asOf: TAsOf): Prisma.Sql {
  const stood = asOfChangesSql(asOf);
  return Prisma.sql`LEFT JOIN LATERAL (
    SELECT cur.id AS "currentId", cur.status::text AS "currentStatus", start.id AS "sinceId", start."effectiveTime" AS "currentSince",
      start."effectiveAt" AS "currentEffectiveAt", start."occurredPrecision"::text AS "currentPrecision", start."timeZone" AS "currentTimeZone"
    FROM ${asOfCurrentChangeSql(column, subjectId, asOf)} cur
    LEFT JOIN LATERAL (
      SELECT instant."effectiveTime" AS ended FROM (
        -- The change in effect at each earlier instant: the last there in history order.
        SELECT DISTINCT ON (o."effectiveTime") o."effectiveTime", o.status FROM (${stood}) o
        WHERE ${standingSql("o", column, subjectId, asOf)} AND o."effectiveTime" < cur."effectiveTime"
        ORDER BY ${ORDER("o")}
      ) instant
      WHERE instant.status <> cur.status
      LIMIT 1
    ) run_end ON true
    CROSS JOIN LATERAL (
      SELECT s.id, s."effectiveTime", s."effectiveAt", s."occurredPrecision", s."timeZone" FROM (${stood}) s
      WHERE ${standingSql("s", column, subjectId, asOf)}
        AND s."effectiveTime" = (
          SELECT f."effectiveTime" FROM (${stood}) f
          WHERE ${standingSql("f", column, subjectId, asOf)} AND f."effectiveTime" > COALESCE(run_end.ended, '-infinity')
          ORDER BY f."effectiveTime" LIMIT 1)
      ORDER BY ${ORDER("s")} LIMIT 1
    ) start
  ) current ON true`;
}

/** currentStatusOnlyJoin as of the instant: "currentStatus" alone, one ordered probe per subject. */
export function asOfCurrentStatusOnlyJoin(column: TSubjectColumn, subjectId: Prisma.Sql, asOf: TAsOf): Prisma.Sql {
  return Prisma.sql`LEFT JOIN LATERAL (SELECT change.status::text AS "currentStatus" FROM ${asOfCurrentChangeSql(column, subjectId, asOf)} change) current ON true`;
}
