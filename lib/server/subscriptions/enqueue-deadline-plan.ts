import "server-only";
import { Prisma } from "../../generated/prisma/client";
import { parseRows } from "../rows/parse-rows";
import { ZDeadlineFollowedRow } from "../rows/subscription-rows";
import type { TTransaction } from "../write-transaction";
import { DEADLINE_PLAN_QUEUE, sendInTransaction, type TDeadlinePlanJob } from "./job-queue";

/**
 * Whether a live subscription follows deadlines of this subject (or is this subscription): the
 * one test, also asked inside enqueueFactsSql's statement. `id` is the SQL of the uuid to match.
 */
export function deadlineFollowedSql(column: "id" | "agreementId" | "measureId", id: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "Subscription" s WHERE s.${Prisma.raw(`"${column}"`)} = ${id} AND s.rule = 'DEADLINE_APPROACHING' AND s."endedAt" IS NULL)`;
}

/**
 * Enqueues planning the deadline reminders again, in the transaction that changed what they
 * depend on (an agreement's terms, a development of the subject, a new subscription), so a
 * rolled-back change plans nothing. A subject nobody follows by deadline enqueues nothing.
 * `isFollowed`: the caller already asked deadlineFollowedSql in a statement of its own.
 */
export async function enqueueDeadlinePlan(tx: TTransaction, job: TDeadlinePlanJob, isFollowed?: boolean): Promise<void> {
  const [column, id] = "subscriptionId" in job ? (["id", job.subscriptionId] as const) : "agreementId" in job ? (["agreementId", job.agreementId] as const) : (["measureId", job.measureId] as const);
  const followed = isFollowed ?? parseRows(ZDeadlineFollowedRow, await tx.$queryRaw(Prisma.sql`SELECT ${deadlineFollowedSql(column, Prisma.sql`${id}::uuid`)} AS "isFollowed"`))[0]?.isFollowed === true;
  if (followed) await sendInTransaction(tx, DEADLINE_PLAN_QUEUE, job);
}
