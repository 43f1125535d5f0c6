-- CreateTable
CREATE TABLE "PublishedVersion" (
    "shard" SMALLINT NOT NULL,
    "n" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "PublishedVersion_pkey" PRIMARY KEY ("shard")
);

-- ---------------------------------------------------------------------------------------------
-- Hand-written below this line (decision 024): the page cache's version. Sixty-four shards, one
-- row each; a writing transaction adds 1 to one shard (chosen by its transaction id) once, at
-- its first statement on a table a reader's page shows, from a statement trigger, so every code
-- path that writes (the app, seed, import, the generator, psql) moves it and a bulk statement
-- costs one update. The row lock is held to commit, so the shards keep concurrent writers from
-- queueing behind one row. Readers sum the shards: the sum changes exactly when a write commits.
-- tests/published-version.integration.test.ts holds every table of the schema either to this
-- trigger or to a reason it needs none.
-- ---------------------------------------------------------------------------------------------

ALTER TABLE "PublishedVersion" ADD CONSTRAINT "PublishedVersion_shard_check" CHECK (shard BETWEEN 0 AND 63);
INSERT INTO "PublishedVersion" (shard) SELECT generate_series(0, 63);

CREATE FUNCTION pw_bump_published_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  xid text := txid_current()::text;
BEGIN
  -- Once a transaction: a transaction-local setting remembers that this one has bumped (it is
  -- undone with a rolled-back savepoint, as the update is).
  IF current_setting('pactwatch.published_version_bumped_by', true) IS DISTINCT FROM xid THEN
    UPDATE "PublishedVersion" SET n = n + 1 WHERE shard = (xid::bigint % 64)::smallint;
    PERFORM set_config('pactwatch.published_version_bumped_by', xid, true);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Party_published_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Party"
  FOR EACH STATEMENT EXECUTE FUNCTION pw_bump_published_version();
CREATE TRIGGER "Agreement_published_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Agreement"
  FOR EACH STATEMENT EXECUTE FUNCTION pw_bump_published_version();
CREATE TRIGGER "AgreementParty_published_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "AgreementParty"
  FOR EACH STATEMENT EXECUTE FUNCTION pw_bump_published_version();
CREATE TRIGGER "TradeMeasure_published_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "TradeMeasure"
  FOR EACH STATEMENT EXECUTE FUNCTION pw_bump_published_version();
CREATE TRIGGER "TradeMeasureTarget_published_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "TradeMeasureTarget"
  FOR EACH STATEMENT EXECUTE FUNCTION pw_bump_published_version();
CREATE TRIGGER "Link_published_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Link"
  FOR EACH STATEMENT EXECUTE FUNCTION pw_bump_published_version();
CREATE TRIGGER "StatusChange_published_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "StatusChange"
  FOR EACH STATEMENT EXECUTE FUNCTION pw_bump_published_version();
CREATE TRIGGER "Citation_published_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Citation"
  FOR EACH STATEMENT EXECUTE FUNCTION pw_bump_published_version();
CREATE TRIGGER "Source_published_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Source"
  FOR EACH STATEMENT EXECUTE FUNCTION pw_bump_published_version();
CREATE TRIGGER "Revision_published_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Revision"
  FOR EACH STATEMENT EXECUTE FUNCTION pw_bump_published_version();
-- Of an account only its name reaches readers (who retracted an entry); sign-ins, roles and
-- password changes do not empty the cache.
CREATE TRIGGER "User_published_version" AFTER UPDATE OF name ON "User"
  FOR EACH STATEMENT EXECUTE FUNCTION pw_bump_published_version();
