-- CreateTable
CREATE TABLE "PartyPosition" (
    "id" UUID NOT NULL,
    "partyId" UUID NOT NULL,
    "agreementId" UUID,
    "measureId" UUID,
    "statusChangeId" UUID,
    "speaker" TEXT NOT NULL,
    "quote" TEXT NOT NULL,
    "quoteLanguage" TEXT NOT NULL,
    "translation" TEXT,
    "translationLanguage" TEXT,
    "translationNote" TEXT,
    "statedAt" TIMESTAMPTZ(3) NOT NULL,
    "statedPrecision" "DatePrecision" NOT NULL DEFAULT 'DAY',
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "sourceId" UUID NOT NULL,
    "locator" TEXT,
    "supersedesId" UUID,
    "authorId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PartyPosition_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PartyPosition_supersedesId_key" ON "PartyPosition"("supersedesId");

-- CreateIndex
CREATE INDEX "PartyPosition_agreementId_statedAt_idx" ON "PartyPosition"("agreementId", "statedAt" DESC);

-- CreateIndex
CREATE INDEX "PartyPosition_measureId_statedAt_idx" ON "PartyPosition"("measureId", "statedAt" DESC);

-- CreateIndex
CREATE INDEX "PartyPosition_statusChangeId_statedAt_idx" ON "PartyPosition"("statusChangeId", "statedAt" DESC);

-- CreateIndex
CREATE INDEX "PartyPosition_partyId_idx" ON "PartyPosition"("partyId");

-- CreateIndex
CREATE INDEX "PartyPosition_sourceId_idx" ON "PartyPosition"("sourceId");

-- CreateIndex
CREATE INDEX "PartyPosition_authorId_idx" ON "PartyPosition"("authorId");

-- AddForeignKey
ALTER TABLE "PartyPosition" ADD CONSTRAINT "PartyPosition_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyPosition" ADD CONSTRAINT "PartyPosition_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyPosition" ADD CONSTRAINT "PartyPosition_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "TradeMeasure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyPosition" ADD CONSTRAINT "PartyPosition_statusChangeId_fkey" FOREIGN KEY ("statusChangeId") REFERENCES "StatusChange"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyPosition" ADD CONSTRAINT "PartyPosition_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyPosition" ADD CONSTRAINT "PartyPosition_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyPosition" ADD CONSTRAINT "PartyPosition_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "PartyPosition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Hand-written below this line (decision 033): party positions.
-- ---------------------------------------------------------------------------------------------

ALTER TABLE "PartyPosition"
    -- A position is about exactly one thing the record tracks.
    ADD CONSTRAINT "PartyPosition_one_subject_check" CHECK (num_nonnulls("agreementId", "measureId", "statusChangeId") = 1),
    ADD CONSTRAINT "PartyPosition_speaker_check" CHECK (btrim("speaker") <> ''),
    ADD CONSTRAINT "PartyPosition_quote_check" CHECK (btrim("quote") <> ''),
    ADD CONSTRAINT "PartyPosition_quote_language_check" CHECK ("quoteLanguage" ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
    -- A translation says which language it is in; a language without a translation says nothing.
    ADD CONSTRAINT "PartyPosition_translation_check" CHECK (("translation" IS NULL) = ("translationLanguage" IS NULL)),
    ADD CONSTRAINT "PartyPosition_translation_language_check" CHECK ("translationLanguage" IS NULL OR "translationLanguage" ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
    ADD CONSTRAINT "PartyPosition_not_self_check" CHECK ("supersedesId" IS NULL OR "supersedesId" <> "id"),
    ADD CONSTRAINT "PartyPosition_version_check" CHECK ("version" >= 1);

-- A position supersedes only an earlier statement of the same party on the same subject: the use
-- case says so beside the form's field, and this keeps scripts and SQL to the same rule.
CREATE FUNCTION "party_position_supersedes_same_party_and_subject"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."supersedesId" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "PartyPosition" earlier
    WHERE earlier.id = NEW."supersedesId"
      AND earlier."partyId" = NEW."partyId"
      AND earlier."agreementId" IS NOT DISTINCT FROM NEW."agreementId"
      AND earlier."measureId" IS NOT DISTINCT FROM NEW."measureId"
      AND earlier."statusChangeId" IS NOT DISTINCT FROM NEW."statusChangeId"
      AND earlier."statedAt" <= NEW."statedAt"
  ) THEN
    RAISE EXCEPTION 'a position supersedes only an earlier position of the same party on the same subject' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "PartyPosition_supersedes_check" BEFORE INSERT OR UPDATE ON "PartyPosition"
  FOR EACH ROW EXECUTE FUNCTION "party_position_supersedes_same_party_and_subject"();

-- Readers see positions on the agreement, measure and development pages: the page cache's
-- version moves with every write to them (decision 024).
CREATE TRIGGER "PartyPosition_published_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "PartyPosition"
  FOR EACH STATEMENT EXECUTE FUNCTION pw_bump_published_version();
