-- CreateTable
CREATE TABLE "MirrorPairDismissal" (
    "id" UUID NOT NULL,
    "firstMeasureId" UUID NOT NULL,
    "secondMeasureId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "dismissedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MirrorPairDismissal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MirrorPairDismissal_secondMeasureId_idx" ON "MirrorPairDismissal"("secondMeasureId");

-- CreateIndex
CREATE INDEX "MirrorPairDismissal_dismissedById_idx" ON "MirrorPairDismissal"("dismissedById");

-- CreateIndex
CREATE UNIQUE INDEX "MirrorPairDismissal_firstMeasureId_secondMeasureId_key" ON "MirrorPairDismissal"("firstMeasureId", "secondMeasureId");

-- AddForeignKey
ALTER TABLE "MirrorPairDismissal" ADD CONSTRAINT "MirrorPairDismissal_firstMeasureId_fkey" FOREIGN KEY ("firstMeasureId") REFERENCES "TradeMeasure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MirrorPairDismissal" ADD CONSTRAINT "MirrorPairDismissal_secondMeasureId_fkey" FOREIGN KEY ("secondMeasureId") REFERENCES "TradeMeasure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MirrorPairDismissal" ADD CONSTRAINT "MirrorPairDismissal_dismissedById_fkey" FOREIGN KEY ("dismissedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Hand-written below this line. One row per pair: the ids in order, never a measure with itself;
-- a dismissal says why (the audit event holds who and when too). Readers' mirror view leaves
-- dismissed proposals out, so a dismissal moves the published version (decision 024).
-- ---------------------------------------------------------------------------------------------

ALTER TABLE "MirrorPairDismissal" ADD CONSTRAINT "MirrorPairDismissal_order_check" CHECK ("firstMeasureId" < "secondMeasureId");
ALTER TABLE "MirrorPairDismissal" ADD CONSTRAINT "MirrorPairDismissal_reason_check" CHECK (length(btrim(reason)) BETWEEN 1 AND 1000);

CREATE TRIGGER "MirrorPairDismissal_published_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "MirrorPairDismissal"
  FOR EACH STATEMENT EXECUTE FUNCTION pw_bump_published_version();
