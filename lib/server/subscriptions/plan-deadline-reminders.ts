import "server-only";
import { daysBefore } from "../../domain/subscription-schedule";
import { runWriteTransaction, type TTransaction } from "../write-transaction";
import { DEADLINE_PLAN_QUEUE, DEADLINE_REMINDER_QUEUE, sendInTransaction, type TDeadlinePlanJob, type TDeadlineReminderJob } from "./job-queue";
import { readSubjectDeadlines, type TDeadlineSubject } from "./subject-deadlines";

// One plan job reads at most this many subscriptions (decision 017); the rest get a job of their own.
const PLAN_BATCH = 500;

export type TPlannedReminder = TDeadlineReminderJob & { remindAt: Date };
type TPlannedSubscription = { id: string; ruleDays: number | null; agreementId: string | null; measureId: string | null };

/**
 * The deadline-plan job (decision 035): for each live DEADLINE_APPROACHING subscription of the
 * subject (or the one subscription), schedules a reminder job at ruleDays before each coming
 * deadline not yet told. Planning again is harmless: a reminder waiting with the same
 * (subscription, deadline instant) key is not added twice, and one whose deadline moved finds it
 * gone when it runs.
 */
export async function planDeadlineReminders(job: TDeadlinePlanJob, now: Date = new Date()): Promise<TPlannedReminder[]> {
  return runWriteTransaction(async (tx) => {
    const where = "subscriptionId" in job ? { id: job.subscriptionId } : "agreementId" in job ? { agreementId: job.agreementId } : { measureId: job.measureId };
    const subscriptions = await tx.subscription.findMany({
      where: { ...where, rule: "DEADLINE_APPROACHING", endedAt: null, ...(job.afterSubscriptionId ? { id: { gt: job.afterSubscriptionId } } : {}) },
      orderBy: { id: "asc" },
      take: PLAN_BATCH + 1,
      select: { id: true, ruleDays: true, agreementId: true, measureId: true },
    });
    if (subscriptions.length > PLAN_BATCH) {
      await sendInTransaction(tx, DEADLINE_PLAN_QUEUE, { ...job, afterSubscriptionId: subscriptions[PLAN_BATCH - 1]!.id });
    }
    return planSubscriptions(tx, subscriptions.slice(0, PLAN_BATCH), now);
  });
}

/** Schedules the reminders of these subscriptions (all of one subject, or one) inside `tx`. */
export async function planSubscriptions(tx: TTransaction, subscriptions: readonly TPlannedSubscription[], now: Date): Promise<TPlannedReminder[]> {
  const planned: TPlannedReminder[] = [];
  const bySubject = new Map<string, TPlannedSubscription[]>();
  for (const subscription of subscriptions) {
    const key = subscription.agreementId ?? subscription.measureId;
    if (key) bySubject.set(key, [...(bySubject.get(key) ?? []), subscription]);
  }
  for (const group of bySubject.values()) {
    const first = group[0]!;
    const subject: TDeadlineSubject = first.agreementId ? { agreementId: first.agreementId } : { measureId: first.measureId! };
    const deadlines = await readSubjectDeadlines(tx, subject, now);
    if (deadlines.length === 0) continue;
    const told = await tx.delivery.findMany({
      where: { subscriptionId: { in: group.map((subscription) => subscription.id) }, deadlineAt: { in: deadlines.map((deadline) => deadline.deadlineAt) } },
      select: { subscriptionId: true, deadlineAt: true },
    });
    const isTold = new Set(told.map((delivery) => `${delivery.subscriptionId}:${delivery.deadlineAt!.toISOString()}`));
    for (const subscription of group) {
      for (const deadline of deadlines) {
        const key = `${subscription.id}:${deadline.deadlineAt.toISOString()}`;
        if (isTold.has(key) || subscription.ruleDays === null) continue;
        const remindAt = daysBefore(deadline.deadlineAt, subscription.ruleDays, deadline.timeZone);
        const reminder: TDeadlineReminderJob = { subscriptionId: subscription.id, deadlineAt: deadline.deadlineAt.toISOString(), statusChangeId: deadline.statusChangeId };
        // A deadline already closer than ruleDays is told at once (a subscription made in August).
        await sendInTransaction(tx, DEADLINE_REMINDER_QUEUE, reminder, { singletonKey: key, ...(remindAt > now ? { startAfter: remindAt } : {}) });
        planned.push({ ...reminder, remindAt });
      }
    }
  }
  return planned;
}
