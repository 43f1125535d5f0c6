import "server-only";
import { Prisma } from "../../generated/prisma/client";
import { parseRows } from "../rows/parse-rows";
import { ZEnqueueFactsRow } from "../rows/subscription-rows";
import type { TTransaction } from "../write-transaction";
import { deadlineFollowedSql, enqueueDeadlinePlan } from "./enqueue-deadline-plan";
import { FAN_OUT_QUEUE, sendInTransaction, type TFanOutJob } from "./job-queue";

/**
 * Enqueues the fan-out of a development that was just published, corrected or retracted, in the
 * transaction that did it: a rolled-back write sends nothing, a committed one is always sent.
 * The status before is read here, as the record stands inside this write.
 */
export async function enqueueDevelopment(tx: TTransaction, statusChangeId: string, kind: TFanOutJob["kind"]): Promise<void> {
  // One round trip for what the jobs need: a publish runs this while its subject's
  // CurrentStatusPeriod row is locked, so every statement here is waited for by that subject's
  // other writers (issue 15's write path).
  const [entry] = parseRows(ZEnqueueFactsRow, await tx.$queryRaw(enqueueFactsSql(statusChangeId)));
  if (!entry) throw new Error(`enqueueDevelopment: development ${statusChangeId} is not in this transaction`);
  const job: TFanOutJob = { statusChangeId, kind, entryVersion: entry.version, statusBefore: entry.statusBefore };
  await sendInTransaction(tx, FAN_OUT_QUEUE, job);
  // The subject's deadlines may have moved (a schedule published, corrected, retracted; a status
  // with or without a running term): its deadline reminders are planned again (decision 035).
  await enqueueDeadlinePlan(tx, entry.agreementId ? { agreementId: entry.agreementId } : { measureId: entry.measureId! }, entry.isDeadlineFollowed);
}

/**
 * The development's version and subject, the status before it (statusBeforeSql) and whether
 * anyone follows its subject's deadlines (the question enqueueDeadlinePlan asks otherwise).
 */
export function enqueueFactsSql(statusChangeId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT sc.version, sc."agreementId", sc."measureId",
      (SELECT before.status FROM (${statusBeforeSql(statusChangeId)}) before) AS "statusBefore",
      CASE WHEN sc."agreementId" IS NOT NULL
        THEN ${deadlineFollowedSql("agreementId", Prisma.sql`sc."agreementId"`)}
        ELSE ${deadlineFollowedSql("measureId", Prisma.sql`sc."measureId"`)}
      END AS "isDeadlineFollowed"
    FROM "StatusChange" sc WHERE sc.id = ${statusChangeId}::uuid`;
}

/**
 * The status a development's subject stood at before it, from the published history.
 * One equality per kind of subject, so each half walks only that subject's history index
 * from this entry down (IS NOT DISTINCT FROM on both columns cannot use an index, and at a
 * million changes that scanned 833,766 rows, 640 ms, inside every publish).
 */
export function statusBeforeSql(statusChangeId: string): Prisma.Sql {
  return Prisma.sql`
    WITH this AS (SELECT "agreementId", "measureId", "effectiveTime", "occurredAt", "createdAt", "id" FROM "StatusChange" WHERE "id" = ${statusChangeId}::uuid)
    SELECT "status" FROM (
      (SELECT earlier."status"::text AS "status", earlier."effectiveTime", earlier."occurredAt", earlier."createdAt", earlier."id"
       FROM this JOIN "StatusChange" AS earlier ON earlier."agreementId" = this."agreementId"
       WHERE earlier."state" = 'PUBLISHED' AND earlier."id" <> this."id"
         AND (earlier."effectiveTime", earlier."occurredAt", earlier."createdAt", earlier."id") < (this."effectiveTime", this."occurredAt", this."createdAt", this."id")
       ORDER BY earlier."effectiveTime" DESC, earlier."occurredAt" DESC, earlier."createdAt" DESC, earlier."id" DESC
       LIMIT 1)
      UNION ALL
      (SELECT earlier."status"::text AS "status", earlier."effectiveTime", earlier."occurredAt", earlier."createdAt", earlier."id"
       FROM this JOIN "StatusChange" AS earlier ON earlier."measureId" = this."measureId"
       WHERE earlier."state" = 'PUBLISHED' AND earlier."id" <> this."id"
         AND (earlier."effectiveTime", earlier."occurredAt", earlier."createdAt", earlier."id") < (this."effectiveTime", this."occurredAt", this."createdAt", this."id")
       ORDER BY earlier."effectiveTime" DESC, earlier."occurredAt" DESC, earlier."createdAt" DESC, earlier."id" DESC
       LIMIT 1)
    ) AS candidates
    LIMIT 1`;
}
