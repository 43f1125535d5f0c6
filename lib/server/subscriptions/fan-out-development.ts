import "server-only";
import { Prisma } from "../../generated/prisma/client";
import { isDeliveredTo } from "../../domain/subscription-rules";
import { recordAuditEvent } from "../audit/record-audit-event";
import { parseRows } from "../rows/parse-rows";
import { ZRecordedDeliveryRow, ZSubscriptionCandidateRow } from "../rows/subscription-rows";
import { uuidV7 } from "../status-changes/insert-logged-change";
import { runWriteTransaction } from "../write-transaction";
import type { TFanOutJob } from "./job-queue";
import { routeDeliveries } from "./route-delivery";
import { searchCandidates } from "./search-candidates";

/**
 * The fan-out job: records one Delivery for each live subscription the development is for, and
 * routes it (sent at once, or into a daily digest), in one transaction. The unique (subscription, development, kind, version)
 * makes a second run of the same job (a worker died before completing it) add nothing.
 */
export async function fanOutDevelopment(job: TFanOutJob, now: Date = new Date()): Promise<{ deliveries: number }> {
  return runWriteTransaction(async (tx) => {
    const entry = await tx.statusChange.findUnique({ where: { id: job.statusChangeId }, select: { id: true, status: true, direction: true, agreementId: true, measureId: true } });
    if (!entry) return { deliveries: 0 };
    const parties = Prisma.sql`(
      SELECT "partyId" FROM "AgreementParty" WHERE "agreementId" = ${entry.agreementId}::uuid
      UNION SELECT "imposingPartyId" FROM "TradeMeasure" WHERE "id" = ${entry.measureId}::uuid
      UNION SELECT "partyId" FROM "TradeMeasureTarget" WHERE "measureId" = ${entry.measureId}::uuid)`;
    // A saved search is told of a publish its results include (its filters tested in SQL), and of
    // the corrections of what it was told, like every other subject (decision 039).
    const subjectCandidates = parseRows(
      ZSubscriptionCandidateRow,
      await tx.$queryRaw(Prisma.sql`
        SELECT s."id", s."rule"::text AS "rule", s."ruleStatus"::text AS "ruleStatus", s."includeCorrections", s."channel"::text AS "channel",
          EXISTS (SELECT 1 FROM "Delivery" d WHERE d."subscriptionId" = s."id" AND d."statusChangeId" = ${entry.id}::uuid AND d."kind" = 'PUBLISHED' AND d."state" = 'SENT') AS "wasDelivered"
        FROM "Subscription" s
        WHERE s."endedAt" IS NULL AND s."rule" IN ('ANY_DEVELOPMENT', 'ENTERS_STATUS', 'LEAVES_STATUS', 'ESCALATION') AND (
          (s."subjectKind" = 'AGREEMENT' AND s."agreementId" = ${entry.agreementId}::uuid)
          OR (s."subjectKind" = 'MEASURE' AND s."measureId" = ${entry.measureId}::uuid)
          OR (s."subjectKind" = 'PARTY' AND s."partyId" IN ${parties})
          OR (s."subjectKind" = 'RELATION' AND s."partyId" IN ${parties} AND s."otherPartyId" IN ${parties})
          OR (s."subjectKind" = 'SEARCH' AND ${job.kind} <> 'PUBLISHED' AND EXISTS (
            SELECT 1 FROM "Delivery" d WHERE d."subscriptionId" = s."id" AND d."statusChangeId" = ${entry.id}::uuid AND d."kind" = 'PUBLISHED' AND d."state" = 'SENT')))
        ORDER BY s."id"`),
    );
    const candidates = job.kind === "PUBLISHED" ? [...subjectCandidates, ...(await searchCandidates(tx, entry))] : subjectCandidates;
    const event = { kind: job.kind, statusBefore: job.statusBefore, statusAfter: entry.status, direction: entry.direction };
    const chosen = candidates.filter((candidate) => isDeliveredTo(candidate, { ...event, wasDelivered: candidate.wasDelivered }));
    if (chosen.length === 0) return { deliveries: 0 };
    const inserted = parseRows(
      ZRecordedDeliveryRow,
      await tx.$queryRaw(Prisma.sql`
        INSERT INTO "Delivery" ("id", "subscriptionId", "statusChangeId", "kind", "entryVersion", "statusBefore", "statusAfter", "updatedAt")
        SELECT chosen."id"::uuid, chosen."subscriptionId"::uuid, ${entry.id}::uuid, ${job.kind}::"DeliveryKind", ${job.entryVersion}, ${job.statusBefore}::"Status", ${entry.status}::"Status", now()
        FROM (VALUES ${Prisma.join(chosen.map((candidate) => Prisma.sql`(${uuidV7()}, ${candidate.id})`))}) AS chosen ("id", "subscriptionId")
        ON CONFLICT ("subscriptionId", "statusChangeId", "kind", "entryVersion") DO NOTHING
        RETURNING "id", "subscriptionId"`),
    );
    for (const delivery of inserted) {
      await recordAuditEvent(tx, null, { action: "delivery:create", entityType: "Delivery", entityId: delivery.id, after: { statusChangeId: entry.id, kind: job.kind, entryVersion: job.entryVersion } });
    }
    await routeDeliveries(tx, inserted, now);
    return { deliveries: inserted.length };
  });
}
