-- CreateIndex
CREATE INDEX "DevelopmentYearCount_covering_idx" ON "DevelopmentYearCount"("subjectId", "year", "escalations", "deEscalations", "neutral");
