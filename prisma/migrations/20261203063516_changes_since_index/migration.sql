-- CreateIndex
CREATE INDEX "StatusChange_published_idx" ON "StatusChange"("publishedAt" DESC, "id" DESC);
