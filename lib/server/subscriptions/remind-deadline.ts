import "server-only";
import { daysBefore } from "../../domain/subscription-schedule";
import { recordAuditEvent } from "../audit/record-audit-event";
import { parseRows } from "../rows/parse-rows";
import { ZRecordedDeliveryRow } from "../rows/subscription-rows";
import { uuidV7 } from "../status-changes/insert-logged-change";
import { runWriteTransaction } from "../write-transaction";
import { DEADLINE_REMINDER_QUEUE, sendInTransaction, type TDeadlineReminderJob } from "./job-queue";
import { planSubscriptions } from "./plan-deadline-reminders";
import { routeDeliveries } from "./route-delivery";
import { readSubjectDeadlines } from "./subject-deadlines";

export type TReminderOutcome = "delivered" | "already-told" | "stale" | "early";

/**
 * The reminder job (decision 035): at its planned time, checks the deadline again against the
 * subject's record as it stands now (terms changed, schedule corrected, cancelled or retracted:
 * "stale", nothing is told), records the reminder's Delivery under the unique (subscription,
 * deadline instant), routes it, and plans the subscription's next deadline, in one transaction.
 */
export async function remindDeadline(job: TDeadlineReminderJob, now: Date = new Date()): Promise<TReminderOutcome> {
  return runWriteTransaction(async (tx) => {
    const subscription = await tx.subscription.findUnique({ where: { id: job.subscriptionId }, select: { id: true, rule: true, ruleDays: true, endedAt: true, agreementId: true, measureId: true } });
    if (!subscription || subscription.endedAt || subscription.rule !== "DEADLINE_APPROACHING" || subscription.ruleDays === null) return "stale";
    const subject = subscription.agreementId ? { agreementId: subscription.agreementId } : subscription.measureId ? { measureId: subscription.measureId } : null;
    if (!subject) return "stale";
    const deadlineAt = new Date(job.deadlineAt);
    const deadline = (await readSubjectDeadlines(tx, subject, now)).find((candidate) => candidate.deadlineAt.getTime() === deadlineAt.getTime() && candidate.statusChangeId === job.statusChangeId);
    if (!deadline) return "stale";
    const remindAt = daysBefore(deadlineAt, subscription.ruleDays, deadline.timeZone);
    if (remindAt > now) {
      // Run before its time (a clock moved): wait again. This job is active, so the key is free.
      await sendInTransaction(tx, DEADLINE_REMINDER_QUEUE, job, { singletonKey: `${job.subscriptionId}:${job.deadlineAt}`, startAfter: remindAt });
      return "early";
    }
    const inserted = parseRows(
      ZRecordedDeliveryRow,
      await tx.$queryRaw`
        INSERT INTO "Delivery" ("id", "subscriptionId", "statusChangeId", "kind", "deadlineAt", "entryVersion", "statusAfter", "updatedAt")
        VALUES (${uuidV7()}::uuid, ${subscription.id}::uuid, ${deadline.statusChangeId}::uuid, 'DEADLINE_APPROACHING', ${deadlineAt}, ${deadline.entryVersion}, ${deadline.status}::"Status", now())
        ON CONFLICT DO NOTHING
        RETURNING "id", "subscriptionId"`,
    );
    for (const delivery of inserted) {
      await recordAuditEvent(tx, null, { action: "delivery:create", entityType: "Delivery", entityId: delivery.id, after: { kind: "DEADLINE_APPROACHING", deadlineAt, statusChangeId: deadline.statusChangeId } });
    }
    await routeDeliveries(tx, inserted, now);
    await planSubscriptions(tx, [subscription], now);
    return inserted.length > 0 ? "delivered" : "already-told";
  });
}
