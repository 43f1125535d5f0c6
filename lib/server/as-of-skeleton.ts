import "server-only";
import { Prisma } from "../generated/prisma/client";
import { deriveStatus, type StatusDerivation } from "../domain/status-derivation";
import type { TDatabase } from "./db";
import type { TAsOf } from "./as-of-sql";
import { asOfRunBoundarySql, asOfSkeletonJsonSql } from "./as-of-skeleton-sql";
import { parseRows } from "./rows/parse-rows";
import { ZRunBoundaryRow } from "./rows/history-row";
import { ZBoundedSkeletonRow } from "./rows/subject-page-row";
import { ZSkeletonJson, type TSkeletonChange } from "./rows/subject-json";
import type { TSubjectColumn } from "./status-sql";

/**
 * A subject's skeleton and status as the record stood at the instant (decision 029): the status
 * rules of deriveStatus at asOf.instant on the changes that stood then. When the current run may
 * begin before the window, one more statement reads the changes at its boundary.
 */
export async function readAsOfSkeleton(database: TDatabase, column: TSubjectColumn, subjectId: string, asOf: TAsOf) {
  const { skeleton } = parseRows(ZBoundedSkeletonRow, await database.$queryRaw`
    SELECT ${asOfSkeletonJsonSql(column, Prisma.sql`${subjectId}::uuid`, asOf)} AS skeleton`)[0]!;
  let history: TSkeletonChange[] = skeleton.changes;
  let status: StatusDerivation = deriveStatus(history, asOf.instant);
  const oldest = history.find((change) => change.inWindow);
  const current = status.current;
  if (skeleton.truncated && current && oldest && current.sinceChangeId === oldest.id) {
    const rows = parseRows(
      ZRunBoundaryRow,
      await database.$queryRaw(asOfRunBoundarySql(column, Prisma.sql`${subjectId}::uuid`, asOf, effectiveTime(oldest), current.status)),
    );
    const known = new Set(history.map((change) => change.id));
    const boundary = ZSkeletonJson.parse(rows[0]?.changes ?? []).filter((change) => !known.has(change.id));
    history = [...boundary, ...history];
    status = deriveStatus(history, asOf.instant);
  }
  return { skeleton: { ...skeleton, changes: history }, history, status };
}

function effectiveTime(change: TSkeletonChange): Date {
  return change.effectiveAt ?? change.occurredAt;
}
