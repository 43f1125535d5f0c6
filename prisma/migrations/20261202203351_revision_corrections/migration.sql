-- CreateEnum
CREATE TYPE "RevisionKind" AS ENUM ('CLARIFICATION', 'CORRECTION', 'SOURCE_ERRATUM', 'RETRACTION');

-- CreateEnum
CREATE TYPE "CorrectionType" AS ENUM ('WRONG_DATE', 'WRONG_STATUS', 'WRONG_PARTY', 'WRONG_OR_MISSING_SOURCE', 'ANNOUNCEMENT_CONFUSED_WITH_EFFECT', 'SUSPENSION_CONFUSED_WITH_TERMINATION', 'OTHER');

-- AlterTable
ALTER TABLE "Citation" ADD COLUMN     "erratum" TEXT,
ADD COLUMN     "erratumAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Revision" ADD COLUMN     "correctionType" "CorrectionType",
ADD COLUMN     "kind" "RevisionKind",
ADD COLUMN     "reason" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "namedInPublic" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Revision_corrections_log_idx" ON "Revision"("kind", "createdAt" DESC, "id" DESC);

-- ---------------------------------------------------------------------------------------------
-- Hand-written below this line (issue 12, decision 030): a revision's kind, correction type and
-- reason travel together. A correction names what it put right; every kinded revision says why;
-- a revision without a kind (a publication, an edit of an agreement, measure or party) has none.
-- ---------------------------------------------------------------------------------------------

ALTER TABLE "Revision"
    ADD CONSTRAINT "Revision_correction_type_check"
        CHECK (("kind" = 'CORRECTION') = ("correctionType" IS NOT NULL)),
    ADD CONSTRAINT "Revision_reason_check"
        CHECK (("kind" IS NULL AND "reason" IS NULL) OR ("kind" IS NOT NULL AND btrim(COALESCE("reason", '')) <> '')),
    ADD CONSTRAINT "Revision_kind_entity_check"
        CHECK ("kind" IS NULL OR "entityType" = 'StatusChange');

ALTER TABLE "Citation"
    ADD CONSTRAINT "Citation_erratum_check"
        CHECK (("erratum" IS NULL) = ("erratumAt" IS NULL) AND btrim(COALESCE("erratum", 'x')) <> '');

-- Retractions recorded before this migration join the corrections log: the revision that first
-- shows the entry retracted takes its reason. Revisions are append-only evidence, so the guard is
-- lifted for this one classification of rows (their snapshots stay as written) and put back.
ALTER TABLE "Revision" DISABLE TRIGGER "Revision_append_only";
UPDATE "Revision" r
SET "kind" = 'RETRACTION', "reason" = COALESCE(NULLIF(btrim(r.snapshot->>'retractionReason'), ''), 'Retracted')
WHERE r."entityType" = 'StatusChange' AND r.snapshot->>'state' = 'RETRACTED'
  AND NOT EXISTS (
    SELECT 1 FROM "Revision" earlier
    WHERE earlier."entityType" = 'StatusChange' AND earlier."entityId" = r."entityId"
      AND earlier.version < r.version AND earlier.snapshot->>'state' = 'RETRACTED'
  );
ALTER TABLE "Revision" ENABLE TRIGGER "Revision_append_only";

-- Whether an account is named on public revision histories reaches readers, as its name does.
DROP TRIGGER "User_published_version" ON "User";
CREATE TRIGGER "User_published_version" AFTER UPDATE OF name, "namedInPublic" ON "User"
  FOR EACH STATEMENT EXECUTE FUNCTION pw_bump_published_version();
