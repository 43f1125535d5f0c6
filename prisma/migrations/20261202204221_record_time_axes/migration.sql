-- CreateEnum
CREATE TYPE "PublicationPrecision" AS ENUM ('DAY', 'INSTANT');

-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "publishedPrecision" "PublicationPrecision" NOT NULL DEFAULT 'DAY';

-- AlterTable
ALTER TABLE "StatusChange" ADD COLUMN     "knownAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "StatusChangeRecord" (
    "statusChangeId" UUID NOT NULL,
    "recordedFrom" TIMESTAMPTZ(3) NOT NULL,
    "recordedUntil" TIMESTAMPTZ(3),
    "recordedTx" BIGINT NOT NULL,
    "agreementId" UUID,
    "measureId" UUID,
    "status" "Status" NOT NULL,
    "headline" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "occurredPrecision" "DatePrecision" NOT NULL,
    "timeZone" TEXT NOT NULL,
    "effectiveAt" TIMESTAMPTZ(3),
    "effectiveTime" TIMESTAMPTZ(3) NOT NULL,
    "direction" "Direction" NOT NULL,
    "cancelsId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL,
    "knownAt" TIMESTAMPTZ(3),
    "citations" JSONB NOT NULL,

    CONSTRAINT "StatusChangeRecord_pkey" PRIMARY KEY ("statusChangeId","recordedFrom")
);

-- CreateIndex
CREATE INDEX "StatusChangeRecord_agreement_history_idx" ON "StatusChangeRecord"("agreementId", "effectiveTime" DESC, "occurredAt" DESC, "createdAt" DESC, "statusChangeId" DESC, "recordedFrom", "recordedUntil", "knownAt");

-- CreateIndex
CREATE INDEX "StatusChangeRecord_measure_history_idx" ON "StatusChangeRecord"("measureId", "effectiveTime" DESC, "occurredAt" DESC, "createdAt" DESC, "statusChangeId" DESC, "recordedFrom", "recordedUntil", "knownAt");

-- CreateIndex
CREATE INDEX "StatusChangeRecord_history_idx" ON "StatusChangeRecord"("effectiveTime" DESC, "occurredAt" DESC, "createdAt" DESC, "statusChangeId" DESC, "recordedFrom", "recordedUntil", "knownAt");

-- CreateIndex
CREATE INDEX "StatusChangeRecord_cancelsId_idx" ON "StatusChangeRecord"("cancelsId");

-- CreateIndex
CREATE INDEX "StatusChangeRecord_agreementId_effectiveAt_idx" ON "StatusChangeRecord"("agreementId", "effectiveAt");

-- CreateIndex
CREATE INDEX "StatusChangeRecord_measureId_effectiveAt_idx" ON "StatusChangeRecord"("measureId", "effectiveAt");

-- AddForeignKey
ALTER TABLE "StatusChangeRecord" ADD CONSTRAINT "StatusChangeRecord_statusChangeId_fkey" FOREIGN KEY ("statusChangeId") REFERENCES "StatusChange"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Hand-written below this line (decision 029): the three time axes. World time is occurredAt /
-- effectiveAt as before. Knowledge time is StatusChange."knownAt", kept here from the cited
-- sources' publication times. Record time is StatusChangeRecord: one row per published version
-- with the transaction-time range [recordedFrom, recordedUntil). Every path that writes (use
-- cases, seed, import, generator, psql) keeps both in the same statement.
-- ---------------------------------------------------------------------------------------------

ALTER TABLE "StatusChangeRecord" ADD CONSTRAINT "StatusChangeRecord_range_check"
  CHECK ("recordedUntil" IS NULL OR "recordedUntil" >= "recordedFrom");
-- At most one version shown now per development; also the probe of the triggers below.
CREATE UNIQUE INDEX "StatusChangeRecord_open_idx" ON "StatusChangeRecord"("statusChangeId") WHERE "recordedUntil" IS NULL;

-- From when a source is known: its stated instant, or for a date alone the end of that (UTC) day,
-- so the record never claims to have known something earlier than the source can show.
CREATE FUNCTION pw_source_known_from(published_at timestamptz, published_precision "PublicationPrecision")
RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN published_precision = 'INSTANT' THEN published_at ELSE published_at + interval '1 day' END
$$;

-- A development is known from its earliest cited source that could report it: published no
-- earlier than the development occurred (a treaty text cited for a rule does not date the news).
-- Cited sources all older: known when it occurred. No dated source at all: from when Pactwatch
-- published it, the one instant by which it was certainly public.
CREATE FUNCTION pw_known_at(change_id uuid, occurred_at timestamptz, published_at timestamptz)
RETURNS timestamptz LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT COALESCE(min(known.at) FILTER (WHERE known.at >= occurred_at),
    CASE WHEN count(known.at) > 0 THEN occurred_at ELSE GREATEST(occurred_at, published_at) END)
  FROM (SELECT pw_source_known_from(s."publishedAt", s."publishedPrecision") AS at
    FROM "Citation" c JOIN "Source" s ON s.id = c."sourceId" WHERE c."statusChangeId" = change_id) known
$$;

-- The citations a version shows, as the record keeps them.
CREATE FUNCTION pw_record_citations(change_id uuid) RETURNS jsonb LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT COALESCE(jsonb_agg(jsonb_build_object('id', c.id, 'sourceId', c."sourceId", 'quote', c.quote,
    'quoteOriginal', c."quoteOriginal", 'quoteLanguage', c."quoteLanguage", 'locator', c.locator,
    'credibility', c.credibility, 'position', c.position) ORDER BY c.position, c.id), '[]'::jsonb)
  FROM "Citation" c WHERE c."statusChangeId" = change_id
$$;

-- Backfill: knowledge time from today's citations; record time from publication (and for a
-- retracted entry, until its retraction). Edits made before this migration are in Revision only.
UPDATE "StatusChange" sc SET "knownAt" = pw_known_at(sc.id, sc."occurredAt", sc."publishedAt");
INSERT INTO "StatusChangeRecord" ("statusChangeId", "recordedFrom", "recordedUntil", "recordedTx", "agreementId", "measureId",
  status, headline, body, "occurredAt", "occurredPrecision", "timeZone", "effectiveAt", "effectiveTime", direction, "cancelsId",
  "createdAt", version, "knownAt", citations)
SELECT sc.id, LEAST(sc."publishedAt", now()),
  CASE WHEN sc.state = 'RETRACTED' THEN LEAST(GREATEST(COALESCE(sc."retractedAt", now()), sc."publishedAt"), now()) END,
  txid_current(), sc."agreementId", sc."measureId", sc.status, sc.headline, sc.body, sc."occurredAt", sc."occurredPrecision",
  sc."timeZone", sc."effectiveAt", sc."effectiveTime", sc.direction, sc."cancelsId", sc."createdAt", sc.version, sc."knownAt",
  pw_record_citations(sc.id)
FROM "StatusChange" sc WHERE sc.state IN ('PUBLISHED', 'RETRACTED') AND sc."publishedAt" IS NOT NULL;

-- knownAt on every insert and on an update of what it reads (a citation trigger below sets it by
-- updating the column, which lands here too, so the one rule decides).
CREATE FUNCTION pw_status_change_known_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- No citation can point at a row not yet inserted.
    NEW."knownAt" := GREATEST(NEW."occurredAt", NEW."publishedAt");
  ELSIF (NEW."occurredAt", NEW."publishedAt", NEW."knownAt") IS DISTINCT FROM (OLD."occurredAt", OLD."publishedAt", OLD."knownAt") THEN
    NEW."knownAt" := pw_known_at(NEW.id, NEW."occurredAt", NEW."publishedAt");
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "StatusChange_known_at" BEFORE INSERT OR UPDATE ON "StatusChange"
  FOR EACH ROW EXECUTE FUNCTION pw_status_change_known_at();

-- The version of one development as it stands now: the same transaction amends the version it
-- opened; a later one closes the shown version at its start (now()) and opens the next; a
-- development no longer published has its version closed (retraction) or, when opened by this
-- very transaction, removed (it was never shown).
CREATE FUNCTION pw_record_version(change_id uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  tx bigint := txid_current();
  sc "StatusChange"%ROWTYPE;
  shown "StatusChangeRecord"%ROWTYPE;
  cited jsonb;
BEGIN
  SELECT * INTO sc FROM "StatusChange" WHERE id = change_id;
  SELECT * INTO shown FROM "StatusChangeRecord" WHERE "statusChangeId" = change_id AND "recordedUntil" IS NULL;
  IF sc.id IS NULL OR sc.state <> 'PUBLISHED' THEN
    IF shown."statusChangeId" IS NOT NULL THEN
      IF shown."recordedTx" = tx THEN
        DELETE FROM "StatusChangeRecord" WHERE "statusChangeId" = change_id AND "recordedFrom" = shown."recordedFrom";
      ELSE
        UPDATE "StatusChangeRecord" SET "recordedUntil" = GREATEST(now(), "recordedFrom") WHERE "statusChangeId" = change_id AND "recordedUntil" IS NULL;
      END IF;
    END IF;
    RETURN;
  END IF;
  cited := pw_record_citations(change_id);
  IF shown."statusChangeId" IS NOT NULL THEN
    IF shown."recordedTx" <> tx AND (shown."agreementId", shown."measureId", shown.status, shown.headline, shown.body, shown."occurredAt",
        shown."occurredPrecision", shown."timeZone", shown."effectiveAt", shown."effectiveTime", shown.direction, shown."cancelsId", shown.version, shown.citations)
      IS NOT DISTINCT FROM (sc."agreementId", sc."measureId", sc.status, sc.headline, sc.body, sc."occurredAt",
        sc."occurredPrecision", sc."timeZone", sc."effectiveAt", sc."effectiveTime", sc.direction, sc."cancelsId", sc.version, cited) THEN
      UPDATE "StatusChangeRecord" SET "knownAt" = sc."knownAt" WHERE "statusChangeId" = change_id AND "recordedUntil" IS NULL AND "knownAt" IS DISTINCT FROM sc."knownAt";
      RETURN;
    END IF;
    IF shown."recordedTx" = tx THEN
      DELETE FROM "StatusChangeRecord" WHERE "statusChangeId" = change_id AND "recordedFrom" = shown."recordedFrom";
    ELSE
      UPDATE "StatusChangeRecord" SET "recordedUntil" = GREATEST(now(), "recordedFrom") WHERE "statusChangeId" = change_id AND "recordedUntil" IS NULL;
    END IF;
  END IF;
  INSERT INTO "StatusChangeRecord" ("statusChangeId", "recordedFrom", "recordedTx", "agreementId", "measureId", status, headline, body,
    "occurredAt", "occurredPrecision", "timeZone", "effectiveAt", "effectiveTime", direction, "cancelsId", "createdAt", version, "knownAt", citations)
  VALUES (sc.id,
    -- The first version counts from publishedAt (so imports and backdated fixtures keep it); a later one from this transaction.
    CASE WHEN shown."recordedTx" = tx THEN shown."recordedFrom"
      WHEN EXISTS (SELECT 1 FROM "StatusChangeRecord" WHERE "statusChangeId" = change_id) THEN now()
      ELSE LEAST(COALESCE(sc."publishedAt", now()), now()) END,
    tx, sc."agreementId", sc."measureId", sc.status, sc.headline, sc.body, sc."occurredAt", sc."occurredPrecision", sc."timeZone",
    sc."effectiveAt", sc."effectiveTime", sc.direction, sc."cancelsId", sc."createdAt", sc.version, sc."knownAt", cited);
END
$$;

-- Inserts in bulk (seed, import, generator): one statement for all rows. A row inserted retracted
-- (an import) gets its closed version [publishedAt, retractedAt).
CREATE FUNCTION pw_status_change_record_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "StatusChangeRecord" ("statusChangeId", "recordedFrom", "recordedUntil", "recordedTx", "agreementId", "measureId",
    status, headline, body, "occurredAt", "occurredPrecision", "timeZone", "effectiveAt", "effectiveTime", direction, "cancelsId",
    "createdAt", version, "knownAt", citations)
  SELECT n.id, LEAST(COALESCE(n."publishedAt", now()), now()),
    CASE WHEN n.state = 'RETRACTED' THEN LEAST(GREATEST(COALESCE(n."retractedAt", now()), n."publishedAt"), now()) END,
    txid_current(), n."agreementId", n."measureId", n.status, n.headline, n.body, n."occurredAt", n."occurredPrecision",
    n."timeZone", n."effectiveAt", n."effectiveTime", n.direction, n."cancelsId", n."createdAt", n.version, n."knownAt", '[]'::jsonb
  FROM changed_new n WHERE n.state = 'PUBLISHED' OR (n.state = 'RETRACTED' AND n."publishedAt" IS NOT NULL);
  RETURN NULL;
END
$$;
CREATE TRIGGER "StatusChange_record_insert" AFTER INSERT ON "StatusChange"
  REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION pw_status_change_record_insert();

CREATE FUNCTION pw_status_change_record_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pw_record_version(NEW.id);
  RETURN NULL;
END
$$;
-- What a version shows moved (knownAt alone does not open a version; cancelledFrom is derived
-- from other rows at read time).
CREATE TRIGGER "StatusChange_record_update" AFTER UPDATE ON "StatusChange"
  FOR EACH ROW WHEN ((OLD.state = 'PUBLISHED' OR NEW.state = 'PUBLISHED') AND
    (OLD.state, OLD."agreementId", OLD."measureId", OLD.status, OLD.headline, OLD.body, OLD."occurredAt", OLD."occurredPrecision",
      OLD."timeZone", OLD."effectiveAt", OLD."effectiveTime", OLD.direction, OLD."cancelsId", OLD.version)
    IS DISTINCT FROM (NEW.state, NEW."agreementId", NEW."measureId", NEW.status, NEW.headline, NEW.body, NEW."occurredAt",
      NEW."occurredPrecision", NEW."timeZone", NEW."effectiveAt", NEW."effectiveTime", NEW.direction, NEW."cancelsId", NEW.version))
  EXECUTE FUNCTION pw_status_change_record_update();

-- Citations of these developments moved (or their sources' dates did): knownAt again, the
-- versions this transaction opened take the citations as they now are, a version opened earlier
-- whose citations differ is followed by a new one, and the shown version's knownAt follows.
CREATE FUNCTION pw_citations_changed(change_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  tx bigint := txid_current();
BEGIN
  UPDATE "StatusChange" sc SET "knownAt" = pw_known_at(sc.id, sc."occurredAt", sc."publishedAt")
  WHERE sc.id = ANY(change_ids) AND sc."knownAt" IS DISTINCT FROM pw_known_at(sc.id, sc."occurredAt", sc."publishedAt");
  UPDATE "StatusChangeRecord" r SET citations = pw_record_citations(r."statusChangeId"), "knownAt" = sc."knownAt"
  FROM "StatusChange" sc WHERE sc.id = r."statusChangeId" AND r."statusChangeId" = ANY(change_ids) AND r."recordedUntil" IS NULL AND r."recordedTx" = tx;
  PERFORM pw_record_version(r."statusChangeId") FROM "StatusChangeRecord" r
  WHERE r."statusChangeId" = ANY(change_ids) AND r."recordedUntil" IS NULL AND r."recordedTx" <> tx
    AND r.citations IS DISTINCT FROM pw_record_citations(r."statusChangeId");
  UPDATE "StatusChangeRecord" r SET "knownAt" = sc."knownAt"
  FROM "StatusChange" sc WHERE sc.id = r."statusChangeId" AND r."statusChangeId" = ANY(change_ids) AND r."recordedUntil" IS NULL
    AND r."knownAt" IS DISTINCT FROM sc."knownAt";
END
$$;

CREATE FUNCTION pw_citation_record_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pw_citations_changed(ARRAY(SELECT DISTINCT "statusChangeId" FROM changed_new));
  RETURN NULL;
END
$$;
CREATE FUNCTION pw_citation_record_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pw_citations_changed(ARRAY(SELECT "statusChangeId" FROM changed_new UNION SELECT "statusChangeId" FROM changed_old));
  RETURN NULL;
END
$$;
CREATE FUNCTION pw_citation_record_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pw_citations_changed(ARRAY(SELECT DISTINCT "statusChangeId" FROM changed_old));
  RETURN NULL;
END
$$;
CREATE TRIGGER "Citation_record_insert" AFTER INSERT ON "Citation"
  REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION pw_citation_record_insert();
CREATE TRIGGER "Citation_record_update" AFTER UPDATE ON "Citation"
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION pw_citation_record_update();
CREATE TRIGGER "Citation_record_delete" AFTER DELETE ON "Citation"
  REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION pw_citation_record_delete();

CREATE FUNCTION pw_source_record_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pw_citations_changed(ARRAY(
    SELECT DISTINCT c."statusChangeId" FROM changed_new n JOIN changed_old o ON o.id = n.id JOIN "Citation" c ON c."sourceId" = n.id
    WHERE (n."publishedAt", n."publishedPrecision") IS DISTINCT FROM (o."publishedAt", o."publishedPrecision")));
  RETURN NULL;
END
$$;
CREATE TRIGGER "Source_record_update" AFTER UPDATE ON "Source"
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION pw_source_record_update();

-- Readers see the versions (asOf pages are cached like any other, decision 024).
CREATE TRIGGER "StatusChangeRecord_published_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "StatusChangeRecord"
  FOR EACH STATEMENT EXECUTE FUNCTION pw_bump_published_version();
