-- CreateEnum
CREATE TYPE "ConditionState" AS ENUM ('HOLDING', 'MET', 'BREACHED', 'LAPSED', 'WITHDRAWN');

-- CreateTable
CREATE TABLE "Condition" (
    "id" UUID NOT NULL,
    "statusChangeId" UUID NOT NULL,
    "statement" TEXT NOT NULL,
    "dependsOnAgreementId" UUID,
    "dependsOnMeasureId" UUID,
    "authorId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Condition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConditionStateChange" (
    "id" UUID NOT NULL,
    "conditionId" UUID NOT NULL,
    "state" "ConditionState" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "occurredPrecision" "DatePrecision" NOT NULL DEFAULT 'DAY',
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "authorId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConditionStateChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConditionCitation" (
    "id" UUID NOT NULL,
    "stateChangeId" UUID NOT NULL,
    "sourceId" UUID NOT NULL,
    "quote" TEXT,
    "quoteOriginal" TEXT,
    "quoteLanguage" TEXT,
    "locator" TEXT,
    "credibility" INTEGER NOT NULL DEFAULT 6,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConditionCitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Condition_statusChangeId_idx" ON "Condition"("statusChangeId");

-- CreateIndex
CREATE INDEX "Condition_dependsOnAgreementId_idx" ON "Condition"("dependsOnAgreementId");

-- CreateIndex
CREATE INDEX "Condition_dependsOnMeasureId_idx" ON "Condition"("dependsOnMeasureId");

-- CreateIndex
CREATE INDEX "ConditionStateChange_conditionId_occurredAt_createdAt_idx" ON "ConditionStateChange"("conditionId", "occurredAt" DESC, "createdAt" DESC);

-- CreateIndex
CREATE INDEX "ConditionStateChange_state_occurredAt_idx" ON "ConditionStateChange"("state", "occurredAt" DESC);

-- CreateIndex
CREATE INDEX "ConditionCitation_stateChangeId_position_idx" ON "ConditionCitation"("stateChangeId", "position");

-- CreateIndex
CREATE INDEX "ConditionCitation_sourceId_idx" ON "ConditionCitation"("sourceId");

-- AddForeignKey
ALTER TABLE "Condition" ADD CONSTRAINT "Condition_statusChangeId_fkey" FOREIGN KEY ("statusChangeId") REFERENCES "StatusChange"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Condition" ADD CONSTRAINT "Condition_dependsOnAgreementId_fkey" FOREIGN KEY ("dependsOnAgreementId") REFERENCES "Agreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Condition" ADD CONSTRAINT "Condition_dependsOnMeasureId_fkey" FOREIGN KEY ("dependsOnMeasureId") REFERENCES "TradeMeasure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Condition" ADD CONSTRAINT "Condition_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConditionStateChange" ADD CONSTRAINT "ConditionStateChange_conditionId_fkey" FOREIGN KEY ("conditionId") REFERENCES "Condition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConditionStateChange" ADD CONSTRAINT "ConditionStateChange_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConditionCitation" ADD CONSTRAINT "ConditionCitation_stateChangeId_fkey" FOREIGN KEY ("stateChangeId") REFERENCES "ConditionStateChange"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConditionCitation" ADD CONSTRAINT "ConditionCitation_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Hand-written below this line (decision 031): conditions on conditional states.
-- ---------------------------------------------------------------------------------------------

ALTER TABLE "Condition"
    ADD CONSTRAINT "Condition_statement_check" CHECK (btrim("statement") <> ''),
    -- A condition depends on one agreement or one measure at most (or on nothing the record holds).
    ADD CONSTRAINT "Condition_depends_on_one_subject_check" CHECK (num_nonnulls("dependsOnAgreementId", "dependsOnMeasureId") <= 1),
    ADD CONSTRAINT "Condition_version_check" CHECK ("version" >= 1);

ALTER TABLE "ConditionCitation"
    ADD CONSTRAINT "ConditionCitation_credibility_check" CHECK ("credibility" BETWEEN 1 AND 6);

-- A condition's history is its states: corrections are new states, never edits, so the rows a
-- reader was shown stay as they were (the condition's revisions snapshot the whole history).
-- ConditionCitation is not append-only, so that source merges may one day repoint it as they do
-- Citation; until then readers follow a merged source to the one it was merged into.
CREATE TRIGGER "ConditionStateChange_append_only"
    BEFORE UPDATE OR DELETE ON "ConditionStateChange"
    FOR EACH ROW EXECUTE FUNCTION "refuse_append_only_change"();

-- Readers see conditions on the agreement, measure and relation pages: the page cache's version
-- moves with every write to them (decision 024).
CREATE TRIGGER "Condition_published_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Condition"
  FOR EACH STATEMENT EXECUTE FUNCTION pw_bump_published_version();
CREATE TRIGGER "ConditionStateChange_published_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ConditionStateChange"
  FOR EACH STATEMENT EXECUTE FUNCTION pw_bump_published_version();
CREATE TRIGGER "ConditionCitation_published_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ConditionCitation"
  FOR EACH STATEMENT EXECUTE FUNCTION pw_bump_published_version();
