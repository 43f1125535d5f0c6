import "server-only";
import { Prisma } from "../generated/prisma/client";
import { historyOrderSql } from "./history-sql";
import { asOfChangesSql, type TAsOf } from "./as-of-sql";
import type { TSubjectColumn } from "./status-sql";
import { SKELETON_WINDOW } from "./subject-sql";

// A subject page's bounded skeleton as the record stood at an instant (decision 029): the shape
// of boundedSkeletonJsonSql, read from the versions that stood. The window is the latest changes
// in effect by the instant (a walk of the record's history index from the instant down); the
// pending schedules are those known by then still ahead (found by the (subject, effectiveAt)
// index, few); then the changes cancelling any of them, and, when the current run may begin
// before the window, the changes at its boundary (asOfRunBoundarySql).

const FIELDS = Prisma.sql`k.id, k.status, k.state, k."occurredAt", k."effectiveAt", k."effectiveTime", k."cancelsId", k."createdAt", k.direction, k.headline, k."occurredPrecision", k."timeZone", k."cancelledFrom"`;

export function asOfSkeletonJsonSql(column: TSubjectColumn, subjectId: Prisma.Sql, asOf: TAsOf, window: number = SKELETON_WINDOW): Prisma.Sql {
  const col = Prisma.raw(`"${column}"`);
  const at = Prisma.sql`${asOf.instant}::timestamptz`;
  const stood = asOfChangesSql(asOf);
  return Prisma.sql`(
    WITH recent_and_one AS MATERIALIZED (
      SELECT ${FIELDS}, row_number() OVER (ORDER BY ${historyOrderSql("effective", "k", "DESC")}) AS rank
      FROM (${stood}) k WHERE k.${col} = ${subjectId} AND k."effectiveTime" <= ${at}
      ORDER BY ${historyOrderSql("effective", "k", "DESC")} LIMIT ${window + 1}
    ), recent AS MATERIALIZED (
      SELECT ${FIELDS} FROM recent_and_one k WHERE rank <= ${window}
    ), kept AS MATERIALIZED (
      SELECT * FROM recent
      UNION
      SELECT ${FIELDS} FROM (${stood}) k WHERE k.${col} = ${subjectId} AND k."effectiveAt" > ${at}
    ), skeleton AS (
      SELECT * FROM kept
      UNION
      SELECT ${Prisma.raw(`k.id, k.status, k.state, k."occurredAt", k."effectiveAt", k."effectiveTime", k."cancelsId", k."createdAt", k.direction, k.headline, k."occurredPrecision", k."timeZone", k."cancelledFrom"`)}
      FROM kept JOIN (${stood}) k ON k."cancelsId" = kept.id
      WHERE kept."effectiveAt" IS NOT NULL AND k.${col} = ${subjectId}
    )
    SELECT json_build_object(
      'since', NULL,
      'changes', COALESCE((SELECT json_agg(json_build_object('id', k.id, 'status', k.status, 'state', k.state, 'occurredAt', k."occurredAt",
        'effectiveAt', k."effectiveAt", 'cancelsId', k."cancelsId", 'createdAt', k."createdAt", 'direction', k.direction,
        'headline', k.headline, 'occurredPrecision', k."occurredPrecision", 'timeZone', k."timeZone",
        'inWindow', k.id IN (SELECT id FROM recent))
        ORDER BY ${historyOrderSql("effective", "k", "ASC")}) FROM skeleton k), '[]'::json),
      'truncated', (SELECT count(*) FROM recent_and_one) > ${window})
  )`;
}

/**
 * When the current run may begin before the window: the changes at the two instants around its
 * start, as they stood. The run ends at the latest instant before the window at which a standing
 * change of another status was in effect; it begins at the next instant at which one stands.
 * (The nuance of pw_current_status, that only the last change at an instant was in effect there,
 * is kept for the instant itself by reading every change at both instants.)
 */
export function asOfRunBoundarySql(column: TSubjectColumn, subjectId: Prisma.Sql, asOf: TAsOf, before: Date, status: string): Prisma.Sql {
  const col = Prisma.raw(`"${column}"`);
  const at = Prisma.sql`${asOf.instant}::timestamptz`;
  const stood = asOfChangesSql(asOf);
  const standing = Prisma.sql`k.${col} = ${subjectId} AND NOT pw_is_cancelled(k."cancelledFrom", ${at})`;
  return Prisma.sql`
    WITH run_end AS (
      SELECT k."effectiveTime" FROM (${stood}) k
      WHERE ${standing} AND k."effectiveTime" < ${before}::timestamptz AND k.status::text <> ${status}
      ORDER BY ${historyOrderSql("effective", "k", "DESC")} LIMIT 1
    ), run_start AS (
      SELECT k."effectiveTime" FROM (${stood}) k
      WHERE ${standing} AND k."effectiveTime" > COALESCE((SELECT "effectiveTime" FROM run_end), '-infinity')
      ORDER BY ${historyOrderSql("effective", "k", "ASC")} LIMIT 1
    )
    SELECT COALESCE(json_agg(json_build_object('id', k.id, 'status', k.status, 'state', k.state, 'occurredAt', k."occurredAt",
        'effectiveAt', k."effectiveAt", 'cancelsId', k."cancelsId", 'createdAt', k."createdAt", 'direction', k.direction,
        'headline', k.headline, 'occurredPrecision', k."occurredPrecision", 'timeZone', k."timeZone", 'inWindow', false)
      ORDER BY ${historyOrderSql("effective", "k", "ASC")}), '[]'::json) AS changes
    FROM (${stood}) k
    WHERE k.${col} = ${subjectId} AND k."effectiveTime" IN ((SELECT "effectiveTime" FROM run_end), (SELECT "effectiveTime" FROM run_start))`;
}
