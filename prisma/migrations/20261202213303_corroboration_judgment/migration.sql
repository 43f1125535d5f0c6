-- CreateEnum
CREATE TYPE "CorroborationLevel" AS ENUM ('WELL_CORROBORATED', 'CORROBORATED', 'SINGLE_SOURCE', 'UNCORROBORATED');

-- AlterTable
ALTER TABLE "StatusChange" ADD COLUMN     "corroborationLevel" "CorroborationLevel",
ADD COLUMN     "corroborationReason" TEXT;

-- ---------------------------------------------------------------------------------------------
-- Hand-written below this line (issue 13, corroboration): an analyst's level always comes with
-- the reason readers see, and a reason never stands without a level.
-- ---------------------------------------------------------------------------------------------

ALTER TABLE "StatusChange" ADD CONSTRAINT "StatusChange_corroboration_check" CHECK (
  ("corroborationLevel" IS NULL) = ("corroborationReason" IS NULL)
  AND ("corroborationReason" IS NULL OR length(btrim("corroborationReason")) BETWEEN 1 AND 1000)
);
