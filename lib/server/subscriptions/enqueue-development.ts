import "server-only";
import { Prisma } from "../../generated/prisma/client";
import { parseRows } from "../rows/parse-rows";
import { ZStatusBeforeRow } from "../rows/subscription-rows";
import type { TTransaction } from "../write-transaction";
import { enqueueDeadlinePlan } from "./enqueue-deadline-plan";
import { FAN_OUT_QUEUE, sendInTransaction, type TFanOutJob } from "./job-queue";

/**
 * Enqueues the fan-out of a development that was just published, corrected or retracted, in the
 * transaction that did it: a rolled-back write sends nothing, a committed one is always sent.
 * The status before is read here, as the record stands inside this write.
 */
export async function enqueueDevelopment(tx: TTransaction, statusChangeId: string, kind: TFanOutJob["kind"]): Promise<void> {
  const [before] = parseRows(
    ZStatusBeforeRow,
    await tx.$queryRaw(statusBeforeSql(statusChangeId)),
  );
  const entry = await tx.statusChange.findUniqueOrThrow({ where: { id: statusChangeId }, select: { version: true, agreementId: true, measureId: true } });
  const job: TFanOutJob = { statusChangeId, kind, entryVersion: entry.version, statusBefore: before?.status ?? null };
  await sendInTransaction(tx, FAN_OUT_QUEUE, job);
  // The subject's deadlines may have moved (a schedule published, corrected, retracted; a status
  // with or without a running term): its deadline reminders are planned again (decision 035).
  await enqueueDeadlinePlan(tx, entry.agreementId ? { agreementId: entry.agreementId } : { measureId: entry.measureId! });
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
