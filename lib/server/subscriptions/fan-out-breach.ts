import "server-only";
import { Prisma } from "../../generated/prisma/client";
import { recordAuditEvent } from "../audit/record-audit-event";
import { parseRows } from "../rows/parse-rows";
import { ZRecordedDeliveryRow } from "../rows/subscription-rows";
import { uuidV7 } from "../status-changes/insert-logged-change";
import { runWriteTransaction, type TTransaction } from "../write-transaction";
import { BREACH_FAN_OUT_QUEUE, sendInTransaction, type TBreachFanOutJob } from "./job-queue";
import { routeDeliveries } from "./route-delivery";

/** Enqueues the breach fan-out in the transaction that recorded the state that entered BREACHED. */
export async function enqueueBreach(tx: TTransaction, conditionStateId: string): Promise<void> {
  await sendInTransaction(tx, BREACH_FAN_OUT_QUEUE, { conditionStateId } satisfies TBreachFanOutJob);
}

/**
 * The breach fan-out job: one Delivery per live CONDITION_BREACHED subscription of the
 * condition's development's subject, unique per (subscription, state), routed in the same
 * transaction. A condition of a development not published (a draft) tells no one.
 */
export async function fanOutBreach(job: TBreachFanOutJob, now: Date = new Date()): Promise<{ deliveries: number }> {
  return runWriteTransaction(async (tx) => {
    const state = await tx.conditionStateChange.findUnique({
      where: { id: job.conditionStateId },
      select: { id: true, state: true, condition: { select: { statusChange: { select: { state: true, status: true, agreementId: true, measureId: true } } } } },
    });
    const development = state?.condition.statusChange;
    if (!state || state.state !== "BREACHED" || !development || development.state !== "PUBLISHED") return { deliveries: 0 };
    const subscriptions = await tx.subscription.findMany({
      where: { endedAt: null, rule: "CONDITION_BREACHED", ...(development.agreementId ? { agreementId: development.agreementId } : { measureId: development.measureId }) },
      orderBy: { id: "asc" },
      select: { id: true },
    });
    if (subscriptions.length === 0) return { deliveries: 0 };
    // Delivery ids are time-ordered (uuid v7): the delivery log pages by them.
    const inserted = parseRows(
      ZRecordedDeliveryRow,
      await tx.$queryRaw`
        INSERT INTO "Delivery" ("id", "subscriptionId", "kind", "conditionStateId", "entryVersion", "statusAfter", "updatedAt")
        SELECT chosen."id"::uuid, chosen."subscriptionId"::uuid, 'CONDITION_BREACHED', ${state.id}::uuid, 1, ${development.status}::"Status", now()
        FROM (VALUES ${Prisma.join(subscriptions.map((subscription) => Prisma.sql`(${uuidV7()}, ${subscription.id})`))}) AS chosen ("id", "subscriptionId")
        ON CONFLICT DO NOTHING
        RETURNING "id", "subscriptionId"`,
    );
    for (const delivery of inserted) {
      await recordAuditEvent(tx, null, { action: "delivery:create", entityType: "Delivery", entityId: delivery.id, after: { kind: "CONDITION_BREACHED", conditionStateId: state.id } });
    }
    await routeDeliveries(tx, inserted, now);
    return { deliveries: inserted.length };
  });
}
