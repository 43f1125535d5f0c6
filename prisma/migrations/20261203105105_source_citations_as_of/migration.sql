-- CreateIndex
CREATE INDEX "StatusChangeRecord_citations_idx" ON "StatusChangeRecord" USING GIN ("citations" jsonb_path_ops);
