import "server-only";
import type { TTransaction } from "../write-transaction";
import { DEADLINE_PLAN_QUEUE, sendInTransaction, type TDeadlinePlanJob } from "./job-queue";

/**
 * Enqueues planning the deadline reminders again, in the transaction that changed what they
 * depend on (an agreement's terms, a development of the subject, a new subscription), so a
 * rolled-back change plans nothing. A subject nobody follows by deadline enqueues nothing.
 * `isFollowed`: the caller already asked, in a statement of its own (enqueueFactsSql).
 */
export async function enqueueDeadlinePlan(tx: TTransaction, job: TDeadlinePlanJob, isFollowed?: boolean): Promise<void> {
  const where = "subscriptionId" in job ? { id: job.subscriptionId } : "agreementId" in job ? { agreementId: job.agreementId } : { measureId: job.measureId };
  const followed = isFollowed ?? (await tx.subscription.findFirst({ where: { ...where, rule: "DEADLINE_APPROACHING", endedAt: null }, select: { id: true } })) !== null;
  if (followed) await sendInTransaction(tx, DEADLINE_PLAN_QUEUE, job);
}
