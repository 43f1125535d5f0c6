-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "publisherGroup" TEXT,
ADD COLUMN     "syndicatedFromId" UUID;

-- CreateIndex
CREATE INDEX "Source_syndicatedFromId_idx" ON "Source"("syndicatedFromId");

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_syndicatedFromId_fkey" FOREIGN KEY ("syndicatedFromId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Hand-written below this line (issue 13, corroboration): a source is never syndicated from
-- itself, and a publisher group is a real name or nothing (the app stores "" as NULL).
-- ---------------------------------------------------------------------------------------------

ALTER TABLE "Source" ADD CONSTRAINT "Source_syndicatedFrom_not_self_check" CHECK ("syndicatedFromId" IS DISTINCT FROM id);
ALTER TABLE "Source" ADD CONSTRAINT "Source_publisherGroup_check" CHECK ("publisherGroup" IS NULL OR length(btrim("publisherGroup")) BETWEEN 1 AND 200);
