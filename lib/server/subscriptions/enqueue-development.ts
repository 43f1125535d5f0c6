import "server-only";
import { Prisma } from "../../generated/prisma/client";
import { parseRows } from "../rows/parse-rows";
import { ZStatusBeforeRow } from "../rows/subscription-rows";
import type { TTransaction } from "../write-transaction";
import { FAN_OUT_QUEUE, sendInTransaction, type TFanOutJob } from "./job-queue";

/**
 * Enqueues the fan-out of a development that was just published, corrected or retracted, in the
 * transaction that did it: a rolled-back write sends nothing, a committed one is always sent.
 * The status before is read here, as the record stands inside this write.
 */
export async function enqueueDevelopment(tx: TTransaction, statusChangeId: string, kind: TFanOutJob["kind"]): Promise<void> {
  const [before] = parseRows(
    ZStatusBeforeRow,
    await tx.$queryRaw(Prisma.sql`
      SELECT earlier."status"::text AS "status"
      FROM "StatusChange" AS this
      JOIN "StatusChange" AS earlier
        ON earlier."agreementId" IS NOT DISTINCT FROM this."agreementId"
       AND earlier."measureId" IS NOT DISTINCT FROM this."measureId"
       AND earlier."state" = 'PUBLISHED' AND earlier."id" <> this."id"
       AND (earlier."effectiveTime", earlier."occurredAt", earlier."createdAt", earlier."id") < (this."effectiveTime", this."occurredAt", this."createdAt", this."id")
      WHERE this."id" = ${statusChangeId}::uuid
      ORDER BY earlier."effectiveTime" DESC, earlier."occurredAt" DESC, earlier."createdAt" DESC, earlier."id" DESC
      LIMIT 1`),
  );
  const entry = await tx.statusChange.findUniqueOrThrow({ where: { id: statusChangeId }, select: { version: true } });
  const job: TFanOutJob = { statusChangeId, kind, entryVersion: entry.version, statusBefore: before?.status ?? null };
  await sendInTransaction(tx, FAN_OUT_QUEUE, job);
}
