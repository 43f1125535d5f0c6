-- CreateEnum
CREATE TYPE "ReviewKind" AS ENUM ('PUBLICATION', 'CORRECTION', 'RETRACTION');

-- CreateEnum
CREATE TYPE "ReviewState" AS ENUM ('SUBMITTED', 'APPROVED', 'RETURNED', 'WITHDRAWN');

-- AlterTable
ALTER TABLE "Revision" ADD COLUMN     "reviewerId" UUID;

-- AlterTable
ALTER TABLE "StatusChange" ADD COLUMN     "reviewedById" UUID;

-- CreateTable
CREATE TABLE "DeskSetting" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "isReviewRequired" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" UUID,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DeskSetting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewRequest" (
    "id" UUID NOT NULL,
    "statusChangeId" UUID NOT NULL,
    "kind" "ReviewKind" NOT NULL,
    "state" "ReviewState" NOT NULL DEFAULT 'SUBMITTED',
    "entryVersion" INTEGER NOT NULL,
    "proposal" JSONB,
    "submittedById" UUID NOT NULL,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewerId" UUID,
    "reviewedAt" TIMESTAMPTZ(3),
    "comment" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ReviewRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReviewRequest_state_submittedAt_id_idx" ON "ReviewRequest"("state", "submittedAt", "id");

-- CreateIndex
CREATE INDEX "ReviewRequest_statusChangeId_submittedAt_idx" ON "ReviewRequest"("statusChangeId", "submittedAt" DESC);

-- AddForeignKey
ALTER TABLE "StatusChange" ADD CONSTRAINT "StatusChange_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Revision" ADD CONSTRAINT "Revision_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeskSetting" ADD CONSTRAINT "DeskSetting_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewRequest" ADD CONSTRAINT "ReviewRequest_statusChangeId_fkey" FOREIGN KEY ("statusChangeId") REFERENCES "StatusChange"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewRequest" ADD CONSTRAINT "ReviewRequest_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewRequest" ADD CONSTRAINT "ReviewRequest_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written (decision 034).
-- One row of desk settings; the app reads it with id 1 and creates it on first write.
ALTER TABLE "DeskSetting" ADD CONSTRAINT "DeskSetting_single_row_check" CHECK ("id" = 1);

-- At most one submission waits per entry: a second one would race the first on approval.
CREATE UNIQUE INDEX "ReviewRequest_one_submitted_per_entry" ON "ReviewRequest"("statusChangeId") WHERE "state" = 'SUBMITTED';

-- A decided request names its reviewer and time; a returned one says why; a publication carries no proposal.
ALTER TABLE "ReviewRequest" ADD CONSTRAINT "ReviewRequest_decision_check" CHECK (
  ("state" IN ('APPROVED', 'RETURNED')) = ("reviewerId" IS NOT NULL AND "reviewedAt" IS NOT NULL)
  AND ("state" <> 'RETURNED' OR length(btrim("comment")) > 0)
  AND (("kind" = 'PUBLICATION') = ("proposal" IS NULL))
);

-- Never the author: the reviewer is not the account that submitted it.
ALTER TABLE "ReviewRequest" ADD CONSTRAINT "ReviewRequest_other_reviewer_check" CHECK ("reviewerId" IS NULL OR "reviewerId" <> "submittedById");
