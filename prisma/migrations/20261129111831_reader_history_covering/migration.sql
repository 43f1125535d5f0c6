-- DropIndex
DROP INDEX "StatusChange_agreement_history_idx";

-- DropIndex
DROP INDEX "StatusChange_measure_history_idx";

-- CreateIndex
CREATE INDEX "StatusChange_agreement_history_idx" ON "StatusChange"("agreementId", "effectiveTime" DESC, "occurredAt" DESC, "createdAt" DESC, "id" DESC, "state", "direction", "timeZone");

-- CreateIndex
CREATE INDEX "StatusChange_measure_history_idx" ON "StatusChange"("measureId", "effectiveTime" DESC, "occurredAt" DESC, "createdAt" DESC, "id" DESC, "state", "direction", "timeZone");
