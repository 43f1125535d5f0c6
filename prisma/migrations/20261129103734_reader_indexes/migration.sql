-- CreateIndex
CREATE INDEX "Source_publishedAt_id_idx" ON "Source"("publishedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Source_title_id_idx" ON "Source"("title", "id");

-- CreateIndex
CREATE INDEX "StatusChange_agreement_history_idx" ON "StatusChange"("agreementId", "effectiveTime" DESC, "occurredAt" DESC, "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "StatusChange_measure_history_idx" ON "StatusChange"("measureId", "effectiveTime" DESC, "occurredAt" DESC, "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "StatusChange_history_idx" ON "StatusChange"("effectiveTime" DESC, "occurredAt" DESC, "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "StatusChange_occurred_idx" ON "StatusChange"("occurredAt" DESC, "createdAt" DESC, "id" DESC);
